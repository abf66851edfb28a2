import "server-only";
import type { z } from "zod";
import type { apiChangeListQuery } from "@/lib/schemas/api/changes";
import type { apiIncidentListQuery } from "@/lib/schemas/api/incidents";
import type { ChangeFilters } from "@/lib/schemas/change-filters";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { AppError, type FieldErrors } from "@/lib/server/errors";
import { resolveAiTools, resolveServices, resolveTeams, throwIfErrors, normaliseName } from "./resolve-references";

const yesNo = (flag: boolean | undefined) => (flag === undefined ? undefined : flag ? "yes" : "no");
const lookups = (key: string, values: string[] | undefined) => (values ?? []).map((value) => ({ key, value }));
const ids = (map: Map<string, number>, values: string[] | undefined) => [
  ...new Set((values ?? []).map((v) => map.get(normaliseName(v))!)),
];

/** The list query of GET /changes as the filters the Changes page uses. */
export async function changeFiltersOf(query: z.output<typeof apiChangeListQuery>): Promise<ChangeFilters> {
  const errors: FieldErrors = {};
  const services = await resolveServicesForFilter(query.service, errors);
  const teams = await resolveTeams(lookups("team", query.team), errors);
  const tools = await resolveAiTools(lookups("tool", query.tool), errors);
  checkRange(query.from, query.to, errors);
  throwIfErrors(errors, "Some filters do not match anything in Faultline.");
  return {
    serviceIds: services,
    teamIds: ids(teams, query.team),
    kinds: query.kind ?? [],
    ai: yesNo(query.ai),
    aiToolIds: ids(tools, query.tool),
    aiShareBands: query.share ?? [],
    authorLevels: query.level ?? [],
    approvalStates: query.approval ?? [],
    violation: query.violation === true,
    from: query.from,
    to: query.to,
    failed: yesNo(query.failed),
    q: query.q?.trim() || undefined,
  };
}

/** The list query of GET /incidents as the filters the Incidents page uses. */
export async function incidentFiltersOf(query: z.output<typeof apiIncidentListQuery>): Promise<IncidentFilters> {
  const errors: FieldErrors = {};
  const services = await resolveServicesForFilter(query.service, errors);
  const teams = await resolveTeams(lookups("team", query.team), errors);
  checkRange(query.from, query.to, errors);
  throwIfErrors(errors, "Some filters do not match anything in Faultline.");
  return {
    severity: query.severity ?? [],
    status: query.status ?? [],
    serviceIds: services,
    teamIds: ids(teams, query.team),
    from: query.from,
    to: query.to,
    aiLinked: query.ai === true,
    highBlast: query.blast === true,
    q: query.q?.trim() || undefined,
  };
}

// Archived services still filter (their history is real); unknown ones are a 422.
async function resolveServicesForFilter(values: string[] | undefined, errors: FieldErrors): Promise<number[]> {
  return ids(await resolveServices(lookups("service", values), errors, { allowArchived: true }), values);
}

function checkRange(from: string | undefined, to: string | undefined, errors: FieldErrors) {
  if (from && to && from > to) (errors.to ??= []).push("`to` must not be before `from`.");
}

export function badCursor(): never {
  throw new AppError("VALIDATION", "This cursor is not valid; start again without it.", {
    fieldErrors: { cursor: ["Not a cursor this API gave out."] },
  });
}
