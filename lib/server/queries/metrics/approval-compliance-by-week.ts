import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";

export type ComplianceWeek = { weekStart: string; required: number; compliant: number; violations: number };

/**
 * PRODUCT.md: among AI-assisted changes that required approval and shipped in a week
 * (weeks start Monday 00:00 in `timeZone`), compliant ones had an approval given before
 * they shipped; the rest are violations and count in the week they shipped. Every week of
 * the range is returned, empty ones as zeros. Not-yet-shipped required changes are
 * pending and belong to no week (`pendingNow`).
 * The dashboard and the weekly report use this same query.
 */
export async function approvalComplianceByWeek(options: { from: Date; to: Date; timeZone: string; serviceIds?: number[] }) {
  const tz = options.timeZone;
  const services = options.serviceIds?.length ? Prisma.sql`AND c."serviceId" = ANY(${options.serviceIds})` : Prisma.empty;
  const db = getDb();
  const weeks = await db.$queryRaw<ComplianceWeek[]>`
    WITH weeks AS (
      SELECT generate_series(
        date_trunc('week', ${options.from}::timestamptz AT TIME ZONE ${tz}),
        date_trunc('week', ${options.to}::timestamptz AT TIME ZONE ${tz}),
        interval '1 week'
      ) AS local_start
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS "weekStart",
           count(c.id)::int AS required,
           (count(c.id) FILTER (WHERE c."approvalState" = 'APPROVED' AND c."approvalDecidedAt" <= c."shippedAt"))::int AS compliant,
           (count(c.id) FILTER (WHERE NOT (c."approvalState" = 'APPROVED' AND c."approvalDecidedAt" <= c."shippedAt")))::int AS violations
    FROM weeks w
    LEFT JOIN "Change" c
      ON c."approvalRequired"
     AND c."shippedAt" >= (w.local_start AT TIME ZONE ${tz})
     AND c."shippedAt" < ((w.local_start + interval '1 week') AT TIME ZONE ${tz})
     ${services}
    GROUP BY w.local_start
    ORDER BY w.local_start`;
  const [{ pending }] = await db.$queryRaw<{ pending: number }[]>`
    SELECT count(*)::int AS pending FROM "Change" c WHERE c."approvalRequired" AND c."shippedAt" IS NULL ${services}`;
  return { weeks, pendingNow: pending };
}
