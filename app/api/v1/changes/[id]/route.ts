import { apiChangePatchSchema } from "@/lib/schemas/api/changes";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { AppError } from "@/lib/server/errors";
import { getApiChange } from "@/lib/server/queries/changes/api-changes";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";

export const dynamic = "force-dynamic";

const NOT_FOUND = "No change with this id. List changes with GET /api/v1/changes.";

export const GET = apiRoute<{ id: string }>("read", async ({ params, origin }) => {
  const change = await getApiChange(pathId(params.id, NOT_FOUND), origin);
  if (!change) throw new AppError("NOT_FOUND", NOT_FOUND);
  return json(change);
});

/** Records (or clears, with null) when the change was rolled back. */
export const PATCH = apiRoute<{ id: string }>("changes:write", async ({ request, params, actor, origin }) => {
  const id = pathId(params.id, NOT_FOUND);
  const input = parseApiInput(apiChangePatchSchema, await readJsonBody(request));
  await setRolledBack({
    actor,
    input: { changeId: id, rolledBackAt: input.rolledBackAt ? new Date(input.rolledBackAt) : null },
  });
  return json(await getApiChange(id, origin));
});
