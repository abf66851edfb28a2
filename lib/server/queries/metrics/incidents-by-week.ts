import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type IncidentWeek = {
  week: string;
  total: number;
  sev1: number;
  sev2: number;
  sev3: number;
  sev4: number;
  highBlast: number;
  aiLinked: number;
};

/**
 * Charts 1, 3 and 4: incidents per week (by the week their impact started) by severity,
 * those with a high or critical blast radius, and those that are AI-linked — as defined by
 * the "IncidentOutcome" view (prisma/definitions.sql). Every week of the range, empty ones as zeros.
 */
export async function incidentsByWeek(scope: MetricScope): Promise<IncidentWeek[]> {
  const s = scopeSql(scope);
  // Unfiltered: the pre-aggregated daily statistics. An incident can affect several
  // services, so team and service filters count from the incidents themselves.
  if (!s.filtered) {
    return getDb().$queryRaw<IncidentWeek[]>`
      WITH weeks AS (${s.weeks}),
      st AS (
        SELECT date_trunc('week', st.day::timestamp) AS wk, st.severity, st."highBlast", st."aiLinked", st.incidents
        FROM "DailyIncidentStat" st WHERE st.day >= ${scope.from}::date AND st.day < ${scope.to}::date
      )
      SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week,
             coalesce(sum(st.incidents), 0)::int AS total,
             coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV1'), 0)::int AS sev1,
             coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV2'), 0)::int AS sev2,
             coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV3'), 0)::int AS sev3,
             coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV4'), 0)::int AS sev4,
             coalesce(sum(st.incidents) FILTER (WHERE st."highBlast"), 0)::int AS "highBlast",
             coalesce(sum(st.incidents) FILTER (WHERE st."aiLinked"), 0)::int AS "aiLinked"
      FROM weeks w LEFT JOIN st ON st.wk = w.local_start
      GROUP BY w.local_start
      ORDER BY w.local_start`;
  }
  return getDb().$queryRaw<IncidentWeek[]>`
    WITH weeks AS (${s.weeks}),
    inc AS (
      SELECT ${s.weekOf(Prisma.sql`i."impactStartedAt"`)} AS wk, i.severity, o."highBlast", o."aiLinked"
      FROM "Incident" i JOIN "IncidentOutcome" o ON o.id = i.id
      WHERE i."impactStartedAt" >= ${s.fromTs} AND i."impactStartedAt" < ${s.toTs} ${s.incidentScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week,
           count(inc.wk)::int AS total,
           (count(*) FILTER (WHERE inc.severity = 'SEV1'))::int AS sev1,
           (count(*) FILTER (WHERE inc.severity = 'SEV2'))::int AS sev2,
           (count(*) FILTER (WHERE inc.severity = 'SEV3'))::int AS sev3,
           (count(*) FILTER (WHERE inc.severity = 'SEV4'))::int AS sev4,
           (count(*) FILTER (WHERE inc."highBlast"))::int AS "highBlast",
           (count(*) FILTER (WHERE inc."aiLinked"))::int AS "aiLinked"
    FROM weeks w LEFT JOIN inc ON inc.wk = w.local_start
    GROUP BY w.local_start
    ORDER BY w.local_start`;
}
