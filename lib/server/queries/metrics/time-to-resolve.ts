import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ResolveWeek = { week: string; severity: "ALL" | "SEV1" | "SEV2" | "SEV3" | "SEV4"; resolved: number; medianHours: number | null; p90Hours: number | null };

/**
 * Chart 6: time to resolve (resolved − impact started) of each week's resolved incidents:
 * median and p90 (continuous percentiles), for all severities and for each.
 */
export async function timeToResolveByWeek(scope: MetricScope): Promise<ResolveWeek[]> {
  const s = scopeSql(scope);
  return getDb().$queryRaw<ResolveWeek[]>`
    WITH weeks AS (${s.weeks}),
    sev AS (SELECT unnest(ARRAY['ALL', 'SEV1', 'SEV2', 'SEV3', 'SEV4']) AS severity),
    inc AS (
      SELECT ${s.weekOf(Prisma.sql`i."impactStartedAt"`)} AS wk, i.severity::text AS severity,
             extract(epoch FROM i."resolvedAt" - i."impactStartedAt") / 3600.0 AS hours
      FROM "Incident" i
      WHERE i."resolvedAt" IS NOT NULL AND i."impactStartedAt" >= ${s.fromTs} AND i."impactStartedAt" < ${s.toTs} ${s.incidentScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week, sev.severity,
           count(inc.hours)::int AS resolved,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY inc.hours))::numeric, 2)::float8 AS "medianHours",
           round((percentile_cont(0.9) WITHIN GROUP (ORDER BY inc.hours))::numeric, 2)::float8 AS "p90Hours"
    FROM weeks w CROSS JOIN sev
    LEFT JOIN inc ON inc.wk = w.local_start AND (sev.severity = 'ALL' OR inc.severity = sev.severity)
    GROUP BY w.local_start, sev.severity
    ORDER BY w.local_start, sev.severity`;
}
