import { apiIncidentPatchSchema } from "@/lib/schemas/api/incidents";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { assertTokenScope } from "@/lib/server/auth/require-api-token";
import { AppError } from "@/lib/server/errors";
import { getApiIncident } from "@/lib/server/queries/incidents/api-incidents";
import { patchIncident } from "@/lib/server/services/incidents/patch-incident";

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
 * or `If-Match`); a stale one is a 409. One transaction: all of it is saved, or (4xx) none of it.
 * Lifecycle times (history from another tool) need the `import` scope.
 */
export const PATCH = apiRoute<{ id: string }>("incidents:write", async ({ request, params, actor, caller, origin }) => {
  const id = pathId(params.id, NOT_FOUND);
  const input = parseApiInput(apiIncidentPatchSchema, await readJsonBody(request));
  const version = input.version ?? versionOfIfMatch(request.headers.get("if-match"));
  const { detectedAt, mitigatedAt, resolvedAt, reviewCompletedAt } = input;
  const importing = [detectedAt, mitigatedAt, resolvedAt, reviewCompletedAt].some((time) => time !== undefined);
  if (importing) assertTokenScope(caller, "import");
  const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  await patchIncident({
    actor,
    input: {
      incidentId: id,
      version,
      status: input.status,
      note: input.note,
      severity: input.severity,
      reason: input.reason,
      times: importing
        ? {
            detectedAt: date(detectedAt),
            mitigatedAt: date(mitigatedAt),
            resolvedAt: date(resolvedAt),
            reviewCompletedAt: date(reviewCompletedAt),
          }
        : undefined,
    },
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
