import "server-only";
import { dayInZone } from "@/lib/domain/time-zone";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ActionItemWeek = { week: string; due: number; done: number; open: number; overdue: number };

/**
 * Chart 8: action items by the week they are due (in the organisation's time zone): done,
 * still open and not yet due, and overdue (open past their due day). `now` decides "overdue".
 */
export async function actionItemsByWeek(
  scope: MetricScope,
  now: Date,
): Promise<{ weeks: ActionItemWeek[]; openNow: number; overdueNow: number }> {
  const s = scopeSql(scope);
  const db = getDb();
  const today = dayInZone(now, s.tz);
  // The incident matters only for team and service filters.
  const incidentJoin = s.filtered ? Prisma.sql`JOIN "Incident" i ON i.id = a."incidentId"` : Prisma.empty;
  const weeks = await db.$queryRaw<ActionItemWeek[]>`
    WITH weeks AS (${s.weeks}),
    items AS (
      SELECT date_trunc('week', a."dueDate"::timestamp) AS wk, a."completedAt" IS NOT NULL AS done, a."dueDate" < ${today}::date AS past
      FROM "ActionItem" a ${incidentJoin}
      WHERE a."dueDate" >= ${scope.from}::date AND a."dueDate" < ${scope.to}::date ${s.incidentScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week,
           count(items.wk)::int AS due,
           (count(*) FILTER (WHERE items.done))::int AS done,
           (count(*) FILTER (WHERE NOT items.done AND NOT items.past))::int AS open,
           (count(*) FILTER (WHERE NOT items.done AND items.past))::int AS overdue
    FROM weeks w LEFT JOIN items ON items.wk = w.local_start
    GROUP BY w.local_start ORDER BY w.local_start`;
  const [totals] = await db.$queryRaw<{ openNow: number; overdueNow: number }[]>`
    SELECT (count(*))::int AS "openNow", (count(*) FILTER (WHERE a."dueDate" < ${today}::date))::int AS "overdueNow"
    FROM "ActionItem" a ${incidentJoin}
    WHERE a."completedAt" IS NULL ${s.incidentScope}`;
  return { weeks, ...totals };
}
