import "server-only";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ChangeFailureWeek = {
  week: string;
  aiShipped: number;
  aiFailed: number;
  otherShipped: number;
  otherFailed: number;
};
export type FailureBreakdownRow = { group: string; aiAssisted: boolean; shipped: number; failed: number };

// Both read DailyChangeStat: shipped changes per day of shipping in the org's time zone,
// where "failed" is PRODUCT.md's definition (trigger or root cause of an incident, or
// rolled back; the "ChangeOutcome" view in prisma/definitions.sql), kept current by database
// triggers (docs/decisions/019-trigger-kept-statistics.md).

/**
 * Chart 5: change failure rate per week = failed / shipped changes that shipped that week
 * (whenever their incident happened), AI-assisted and other side by side.
 */
export async function changeFailureByWeek(scope: MetricScope): Promise<ChangeFailureWeek[]> {
  const s = scopeSql(scope);
  return getDb().$queryRaw<ChangeFailureWeek[]>`
    WITH weeks AS (${s.weeks}),
    st AS (
      SELECT date_trunc('week', st.day::timestamp) AS wk, st."aiAssisted" AS ai, sum(st.shipped) AS shipped, sum(st.failed) AS failed
      FROM "DailyChangeStat" st
      WHERE st.day >= ${scope.from}::date AND st.day < ${scope.to}::date ${s.statScope}
      GROUP BY 1, 2
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week,
           coalesce(sum(st.shipped) FILTER (WHERE st.ai), 0)::int AS "aiShipped",
           coalesce(sum(st.failed) FILTER (WHERE st.ai), 0)::int AS "aiFailed",
           coalesce(sum(st.shipped) FILTER (WHERE NOT st.ai), 0)::int AS "otherShipped",
           coalesce(sum(st.failed) FILTER (WHERE NOT st.ai), 0)::int AS "otherFailed"
    FROM weeks w LEFT JOIN st ON st.wk = w.local_start
    GROUP BY w.local_start
    ORDER BY w.local_start`;
}

/** Chart 5 breakdown over the whole range: by AI tool (AI-assisted changes) and by author level (AI vs other). */
export async function changeFailureBreakdown(
  scope: MetricScope,
): Promise<{ byTool: FailureBreakdownRow[]; byLevel: FailureBreakdownRow[] }> {
  const s = scopeSql(scope);
  // One pass over the range's rows (GROUPING SETS); tools only for AI-assisted changes.
  const rows = await getDb().$queryRaw<Array<FailureBreakdownRow & { dimension: "tool" | "level" }>>`
    SELECT CASE WHEN grouping(st."authorLevel") = 1 THEN 'tool' ELSE 'level' END AS dimension,
           CASE WHEN grouping(st."authorLevel") = 1 THEN coalesce(t.name, 'Unknown tool') ELSE st."authorLevel" END AS "group",
           st."aiAssisted", sum(st.shipped)::int AS shipped, sum(st.failed)::int AS failed
    FROM "DailyChangeStat" st LEFT JOIN "AiTool" t ON t.id = st."aiToolId"
    WHERE st.day >= ${scope.from}::date AND st.day < ${scope.to}::date ${s.statScope}
    GROUP BY GROUPING SETS ((st."aiAssisted", coalesce(t.name, 'Unknown tool')), (st."authorLevel", st."aiAssisted"))
    HAVING grouping(st."authorLevel") = 0 OR st."aiAssisted"
    ORDER BY 1, 2, 3`;
  const strip = ({ dimension: _d, ...row }: FailureBreakdownRow & { dimension: string }) => row;
  return {
    byTool: rows.filter((r) => r.dimension === "tool").map(strip),
    byLevel: rows.filter((r) => r.dimension === "level").map(strip),
  };
}
