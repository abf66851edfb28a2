import { apiIncidentPatchSchema } from "@/lib/schemas/api/incidents";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { assertTokenScope } from "@/lib/server/auth/require-api-token";
import { AppError } from "@/lib/server/errors";
import { getApiIncident, getIncidentVersion } from "@/lib/server/queries/incidents/api-incidents";
import { STALE_INCIDENT_MESSAGE } from "@/lib/server/services/incidents/incident-version";
import { changeIncidentSeverity } from "@/lib/server/services/incidents/change-incident-severity";
import { importIncidentTimes } from "@/lib/server/services/incidents/import-incident-times";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";

export const dynamic = "force-dynamic";

const NOT_FOUND = "No incident with this id. List incidents with GET /api/v1/incidents.";

/** The incident with its linked changes and timeline; ETag is its version. */
export const GET = apiRoute<{ id: string }>("read", async ({ params, origin }) => {
  const incident = await getApiIncident(pathId(params.id, NOT_FOUND), origin);
  if (!incident) throw new AppError("NOT_FOUND", NOT_FOUND);
  return json(incident, 200, { etag: `"${incident.version}"` });
});

/**
 * New status and/or severity, under the optimistic lock: name the version you read (`version`
 * or `If-Match`); a stale one is a 409. Status goes first, then severity (two timeline events).
 */
export const PATCH = apiRoute<{ id: string }>("incidents:write", async ({ request, params, actor, caller, origin }) => {
  const id = pathId(params.id, NOT_FOUND);
  const input = parseApiInput(apiIncidentPatchSchema, await readJsonBody(request));
  const version = input.version ?? versionOfIfMatch(request.headers.get("if-match"));
  const current = await getIncidentVersion(id);
  if (!current) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (current.version !== version)
    throw new AppError(
      "STALE",
      `${STALE_INCIDENT_MESSAGE.split(".")[0]}: you sent version ${version}, it is at ${current.version}. GET it again and retry.`,
    );
  // Refuse a no-op severity before changing the status, so one request does not half-apply.
  if (input.severity && input.severity === current.severity) {
    throw new AppError("VALIDATION", `The incident is already ${input.severity}.`, {
      fieldErrors: { severity: ["Choose a different severity."] },
    });
  }
  const { detectedAt, mitigatedAt, resolvedAt, reviewCompletedAt } = input;
  if (detectedAt ?? mitigatedAt ?? resolvedAt ?? reviewCompletedAt) {
    assertTokenScope(caller, "import");
    const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
    await importIncidentTimes({
      actor,
      input: {
        incidentId: id,
        version,
        detectedAt: date(detectedAt),
        mitigatedAt: date(mitigatedAt),
        resolvedAt: date(resolvedAt),
        reviewCompletedAt: date(reviewCompletedAt),
      },
    });
  }
  let at = version;
  if (input.status) {
    await updateIncidentStatus({
      actor,
      input: { incidentId: id, version: at, status: input.status, note: input.note ?? "" },
    });
    at += 1;
  }
  if (input.severity)
    await changeIncidentSeverity({
      actor,
      input: { incidentId: id, version: at, severity: input.severity, reason: input.reason! },
    });
  const incident = (await getApiIncident(id, origin))!;
  return json(incident, 200, { etag: `"${incident.version}"` });
});

function versionOfIfMatch(header: string | null): number {
  const match = header ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()) : null;
  if (!match) {
    throw new AppError(
      "VALIDATION",
      'Name the version you read: `version` in the body or an `If-Match: "<version>"` header (the ETag of GET).',
      {
        fieldErrors: { version: ["Required (or send If-Match)."] },
      },
    );
  }
  return Number(match[1]);
}
