import { apiLinkCreateSchema } from "@/lib/schemas/api/incidents";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { AppError } from "@/lib/server/errors";
import { findChangeIdByExternal } from "@/lib/server/queries/changes/api-changes";
import { getApiIncident } from "@/lib/server/queries/incidents/api-incidents";
import { linkChange } from "@/lib/server/services/incidents/link-change";

export const dynamic = "force-dynamic";

/** Links an originating change with a role; 409 when it is already linked. Answers the incident's links. */
export const POST = apiRoute<{ id: string }>("incidents:write", async ({ request, params, actor, origin }) => {
  const incidentId = pathId(params.id, "No incident with this id.");
  const input = parseApiInput(apiLinkCreateSchema, await readJsonBody(request));
  const changeId = input.changeId ?? (await changeIdOf(input.source, input.externalId!));
  await linkChange({ actor, input: { incidentId, changeId, role: input.role } });
  const incident = (await getApiIncident(incidentId, origin))!;
  return json(
    incident.changes.find((link) => link.change.id === changeId),
    201,
    { location: `${origin}/api/v1/incidents/${incidentId}/changes/${changeId}` },
  );
});

async function changeIdOf(source: string | undefined, externalId: string): Promise<number> {
  const ids = await findChangeIdByExternal(source, externalId);
  if (ids.length === 0)
    throw new AppError(
      "NOT_FOUND",
      `No change with external id "${externalId}"${source ? ` from ${source}` : ""}. Register it first (POST /api/v1/changes).`,
    );
  if (ids.length > 1)
    throw new AppError("CONFLICT", `Several sources use the external id "${externalId}": pass \`source\` too.`);
  return ids[0];
}
