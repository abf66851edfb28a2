import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type Sev2Day = { day: string; count: number; movingAverage: number };

/**
 * Chart 2: Sev2 incidents per day (by the day impact started, in the organisation's time
 * zone) and their 7-day moving average, which also counts the 6 days before the range.
 */
export async function sev2PerDay(scope: MetricScope): Promise<Sev2Day[]> {
  const s = scopeSql(scope);
  return getDb().$queryRaw<Sev2Day[]>`
    WITH days AS (
      SELECT generate_series(${scope.from}::date - 6, ${scope.to}::date - 1, interval '1 day')::timestamp AS local_day
    ),
    inc AS (${
      s.filtered
        ? Prisma.sql`
      SELECT date_trunc('day', i."impactStartedAt" AT TIME ZONE ${s.tz}) AS d, 1 AS n
      FROM "Incident" i
      WHERE i.severity = 'SEV2'
        AND i."impactStartedAt" >= ((${scope.from}::date - 6)::timestamp AT TIME ZONE ${s.tz})
        AND i."impactStartedAt" < ${s.toTs} ${s.incidentScope}`
        : // Unfiltered: the pre-aggregated daily statistics.
          Prisma.sql`
      SELECT st.day::timestamp AS d, st.incidents AS n
      FROM "DailyIncidentStat" st
      WHERE st.severity = 'SEV2' AND st.day >= ${scope.from}::date - 6 AND st.day < ${scope.to}::date`
    }),
    counted AS (
      SELECT days.local_day, coalesce(sum(inc.n), 0)::int AS n FROM days LEFT JOIN inc ON inc.d = days.local_day GROUP BY days.local_day
    ),
    averaged AS (
      SELECT local_day, n, avg(n) OVER (ORDER BY local_day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS ma FROM counted
    )
    SELECT to_char(local_day, 'YYYY-MM-DD') AS day, n AS count, round(ma, 2)::float8 AS "movingAverage"
    FROM averaged WHERE local_day >= ${scope.from}::date::timestamp
    ORDER BY local_day`;
}
