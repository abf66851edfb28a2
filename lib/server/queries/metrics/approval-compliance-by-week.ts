import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ComplianceWeek = { weekStart: string; required: number; compliant: number; violations: number };

/**
 * Chart 7. PRODUCT.md: among AI-assisted changes that required approval and shipped in a
 * week (weeks start Monday 00:00 in the organisation's time zone), compliant ones had an
 * approval given before they shipped; the rest are violations and count in the week they
 * shipped. Every week of the range is returned, empty ones as zeros. Required changes not
 * shipped yet are pending and belong to no week (`pendingNow`).
 * The dashboard, the approvals page and the weekly report use this same query.
 */
export async function approvalComplianceByWeek(scope: MetricScope) {
  const s = scopeSql(scope);
  const db = getDb();
  const weeks = await db.$queryRaw<ComplianceWeek[]>`
    WITH weeks AS (${s.weeks}),
    ch AS (
      SELECT ${s.weekOf(Prisma.sql`c."shippedAt"`)} AS wk,
             (c."approvalState" = 'APPROVED' AND c."approvalDecidedAt" <= c."shippedAt") AS compliant
      FROM "Change" c
      WHERE c."approvalRequired" AND c."shippedAt" >= ${s.fromTs} AND c."shippedAt" < ${s.toTs} ${s.changeScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS "weekStart",
           count(ch.wk)::int AS required,
           (count(*) FILTER (WHERE ch.compliant))::int AS compliant,
           (count(*) FILTER (WHERE NOT ch.compliant))::int AS violations
    FROM weeks w LEFT JOIN ch ON ch.wk = w.local_start
    GROUP BY w.local_start
    ORDER BY w.local_start`;
  const [{ pending }] = await db.$queryRaw<{ pending: number }[]>`
    SELECT count(*)::int AS pending FROM "Change" c WHERE c."approvalRequired" AND c."shippedAt" IS NULL ${s.changeScope}`;
  return { weeks, pendingNow: pending };
}
