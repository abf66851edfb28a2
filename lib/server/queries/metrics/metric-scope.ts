import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What every dashboard query is scoped to: whole weeks [from, to) named by their Mondays
 * in the organisation's time zone, optionally some teams and services.
 */
export type MetricScope = { from: string; to: string; timeZone: string; serviceIds: number[]; teamIds: number[] };

/** SQL pieces shared by the metric queries, so every chart buckets and filters alike. */
export function scopeSql(scope: MetricScope) {
  const tz = scope.timeZone;
  const fromTs = Prisma.sql`(${scope.from}::date::timestamp AT TIME ZONE ${tz})`;
  const toTs = Prisma.sql`(${scope.to}::date::timestamp AT TIME ZONE ${tz})`;
  const weeks = Prisma.sql`SELECT generate_series(${scope.from}::date::timestamp, ${scope.to}::date::timestamp - interval '1 week', interval '1 week') AS local_start`;
  const weekOf = (column: Prisma.Sql) => Prisma.sql`date_trunc('week', ${column} AT TIME ZONE ${tz})`;

  const incidentFilters: Prisma.Sql[] = [];
  const changeFilters: Prisma.Sql[] = [];
  if (scope.serviceIds.length) {
    incidentFilters.push(
      Prisma.sql`AND EXISTS (SELECT 1 FROM "IncidentService" fs WHERE fs."incidentId" = i.id AND fs."serviceId" = ANY(${scope.serviceIds}))`,
    );
    changeFilters.push(Prisma.sql`AND c."serviceId" = ANY(${scope.serviceIds})`);
  }
  if (scope.teamIds.length) {
    incidentFilters.push(
      Prisma.sql`AND EXISTS (SELECT 1 FROM "IncidentService" ft JOIN "Service" st ON st.id = ft."serviceId" WHERE ft."incidentId" = i.id AND st."teamId" = ANY(${scope.teamIds}))`,
    );
    changeFilters.push(
      Prisma.sql`AND c."serviceId" IN (SELECT id FROM "Service" WHERE "teamId" = ANY(${scope.teamIds}))`,
    );
  }
  const statFilters: Prisma.Sql[] = [];
  if (scope.serviceIds.length) statFilters.push(Prisma.sql`AND st."serviceId" = ANY(${scope.serviceIds})`);
  if (scope.teamIds.length)
    statFilters.push(
      Prisma.sql`AND st."serviceId" IN (SELECT id FROM "Service" WHERE "teamId" = ANY(${scope.teamIds}))`,
    );
  return {
    tz,
    /** Conditions on a DailyChangeStat row aliased `st`. */
    statScope: statFilters.length ? Prisma.join(statFilters, " ") : Prisma.empty,
    /** Whether team or service filters apply (incident rollups have no service dimension). */
    filtered: scope.serviceIds.length > 0 || scope.teamIds.length > 0,
    fromTs,
    toTs,
    weeks,
    weekOf,
    /** Conditions on an incident aliased `i`. */
    incidentScope: incidentFilters.length ? Prisma.join(incidentFilters, " ") : Prisma.empty,
    /** Conditions on a change aliased `c`. */
    changeScope: changeFilters.length ? Prisma.join(changeFilters, " ") : Prisma.empty,
  };
}
