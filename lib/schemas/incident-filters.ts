import { startOfDayInZone, startOfNextDayInZone } from "@/lib/domain/time-zone";
import { INCIDENT_STATUSES, SEVERITIES, type IncidentStatus, type Severity } from "@/lib/domain/severity";
import { dayString, enumList, firstParam, flagParam, idList, type RawSearchParams } from "./search-params";

export type IncidentFilters = {
  severity: Severity[];
  status: IncidentStatus[];
  serviceIds: number[];
  teamIds: number[];
  /** Days as typed ("YYYY-MM-DD"), in the organisation's time zone; `to` is inclusive. */
  from?: string;
  to?: string;
  aiLinked: boolean;
  highBlast: boolean;
  q?: string;
};

export function parseIncidentFilters(params: RawSearchParams): IncidentFilters {
  const q = firstParam(params.q)?.slice(0, 200);
  return {
    severity: enumList(SEVERITIES, params.severity),
    status: enumList(INCIDENT_STATUSES, params.status),
    serviceIds: idList(params.service),
    teamIds: idList(params.team),
    from: dayString(params.from),
    to: dayString(params.to),
    aiLinked: flagParam(params.ai),
    highBlast: flagParam(params.blast),
    q: q || undefined,
  };
}

/** The filters as URL parameters (the inverse of parseIncidentFilters). */
export function incidentFiltersToParams(filters: Partial<IncidentFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.severity?.length) params.set("severity", filters.severity.join(","));
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.serviceIds?.length) params.set("service", filters.serviceIds.join(","));
  if (filters.teamIds?.length) params.set("team", filters.teamIds.join(","));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.aiLinked) params.set("ai", "1");
  if (filters.highBlast) params.set("blast", "1");
  if (filters.q) params.set("q", filters.q);
  return params;
}

/** The instants the day filters stand for: [from 00:00, day after `to` 00:00). */
export function incidentTimeRange(filters: Pick<IncidentFilters, "from" | "to">, timeZone: string) {
  return {
    gte: filters.from ? (startOfDayInZone(filters.from, timeZone) ?? undefined) : undefined,
    lt: filters.to ? (startOfNextDayInZone(filters.to, timeZone) ?? undefined) : undefined,
  };
}

export function hasIncidentFilters(filters: IncidentFilters): boolean {
  return incidentFiltersToParams(filters).size > 0;
}
