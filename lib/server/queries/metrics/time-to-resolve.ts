import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ResolveWeek = {
  week: string;
  severity: "ALL" | "SEV1" | "SEV2" | "SEV3" | "SEV4";
  resolved: number;
  medianHours: number | null;
  p90Hours: number | null;
};

/**
 * Chart 6: time to resolve (resolved − impact started) of each week's resolved incidents:
 * median and p90 (continuous percentiles), for all severities and for each. The population
 * and the hours are the "IncidentOutcome" view's (prisma/definitions.sql).
 */
export async function timeToResolveByWeek(scope: MetricScope): Promise<ResolveWeek[]> {
  const s = scopeSql(scope);
  // Per week (all severities) and per week and severity: the count and both percentiles.
  const agg = s.filtered
    ? // Team or service filters: the incidents themselves (the rollups have no service
      // dimension), in one pass and one sort; both percentiles from one percentile_cont over
      // float hours (decision 024).
      Prisma.sql`
        SELECT inc.wk, CASE WHEN grouping(inc.severity) = 1 THEN 'ALL' ELSE inc.severity::text END AS severity,
               count(*)::int AS resolved,
               percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY inc.hours) AS p
        FROM (
          SELECT ${s.weekOf(Prisma.sql`i."impactStartedAt"`)} AS wk, i.severity, i."resolvedHours" AS hours
          FROM "IncidentOutcome" i
          WHERE i."resolvedHours" IS NOT NULL AND i."impactStartedAt" >= ${s.fromTs} AND i."impactStartedAt" < ${s.toTs} ${s.incidentScope}
        ) inc
        GROUP BY GROUPING SETS ((inc.wk), (inc.wk, inc.severity))`
    : // Unfiltered: the weekly rollup keeps each week's hours sorted, so a percentile is an
      // index into them, computed exactly as percentile_cont would (decision 038): no scan, no sort.
      Prisma.sql`
        SELECT r.week::timestamp AS wk, r.severity, cardinality(r.hours) AS resolved,
               array["faultline_percentile_cont"(r.hours, 0.5), "faultline_percentile_cont"(r.hours, 0.9)] AS p
        FROM "WeeklyResolveStat" r
        WHERE r.week >= ${scope.from}::date AND r.week < ${scope.to}::date`;
  return getDb().$queryRaw<ResolveWeek[]>`
    WITH weeks AS (${s.weeks}), agg AS (${agg})
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week, sev.severity,
           coalesce(agg.resolved, 0) AS resolved,
           -- exact hours: rounding happens once, at display (lib/domain/format.ts)
           agg.p[1] AS "medianHours",
           agg.p[2] AS "p90Hours"
    FROM weeks w
    CROSS JOIN (VALUES ('ALL'), ('SEV1'), ('SEV2'), ('SEV3'), ('SEV4')) AS sev(severity)
    LEFT JOIN agg ON agg.wk = w.local_start AND agg.severity = sev.severity
    ORDER BY w.local_start, sev.severity`;
}
