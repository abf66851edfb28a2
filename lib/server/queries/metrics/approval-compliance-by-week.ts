import "server-only";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ComplianceWeek = { weekStart: string; required: number; compliant: number; violations: number };

/**
 * Required changes not shipped yet, by where they stand: still waiting for a decision (the
 * approvals queue), approved but not shipped yet, or rejected. `pendingNow` is their sum.
 */
export type NotShippedYet = { waitingForApproval: number; approvedNotShipped: number; rejectedNotShipped: number };

/**
 * Chart 7. PRODUCT.md: among AI-assisted changes that required approval and shipped in a
 * week (weeks start Monday 00:00 in the organisation's time zone), compliant ones had an
 * approval given before they shipped; the rest are violations and count in the week they
 * shipped. Every week of the range is returned, empty ones as zeros. Required changes not
 * shipped yet belong to no week: `pendingNow` counts them, `notShipped` says where they stand.
 * The dashboard, the approvals page and the weekly report use this same query.
 */
export async function approvalComplianceByWeek(scope: MetricScope) {
  const s = scopeSql(scope);
  const db = getDb();
  const weeks = await db.$queryRaw<ComplianceWeek[]>`
    WITH weeks AS (${s.weeks}),
    st AS (
      SELECT date_trunc('week', st.day::timestamp) AS wk, st.required, st.compliant
      FROM "DailyChangeStat" st
      WHERE st.day >= ${scope.from}::date AND st.day < ${scope.to}::date AND st.required > 0 ${s.statScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce(sum(st.required), 0)::int AS required,
           coalesce(sum(st.compliant), 0)::int AS compliant,
           coalesce(sum(st.required - st.compliant), 0)::int AS violations
    FROM weeks w LEFT JOIN st ON st.wk = w.local_start
    GROUP BY w.local_start
    ORDER BY w.local_start`;
  const [notShipped] = await db.$queryRaw<NotShippedYet[]>`
    SELECT count(*) FILTER (WHERE c."approvalState" = 'PENDING')::int AS "waitingForApproval",
           count(*) FILTER (WHERE c."approvalState" = 'APPROVED')::int AS "approvedNotShipped",
           count(*) FILTER (WHERE c."approvalState" NOT IN ('PENDING', 'APPROVED'))::int AS "rejectedNotShipped"
    FROM "Change" c
    -- Exactly the changes "faultline_approval_compliance" calls PENDING (required, not shipped;
    -- pinned by the test beside this file), written as the partial index's predicate: with the
    -- function's CASE in the filter the planner misjudged it and scanned every unshipped change
    -- (9 ms warm, 94 ms cold at 1M changes) instead of "Change_unshipped_required_idx" (4 ms).
    WHERE c."approvalRequired" AND c."shippedAt" IS NULL ${s.changeScope}`;
  const pendingNow = notShipped.waitingForApproval + notShipped.approvedNotShipped + notShipped.rejectedNotShipped;
  return { weeks, pendingNow, notShipped };
}
