import { apiRoute, pathId } from "@/lib/server/api/api-route";
import { unlinkChange } from "@/lib/server/services/incidents/unlink-change";

export const dynamic = "force-dynamic";

/** Removes the link between the incident and the change: 204, or 404 when there is none. */
export const DELETE = apiRoute<{ id: string; changeId: string }>("incidents:write", async ({ params, actor }) => {
  const incidentId = pathId(params.id, "No incident with this id.");
  const changeId = pathId(params.changeId, "No change with this id.", "changeId");
  await unlinkChange({ actor, input: { incidentId, changeId } });
  return new Response(null, { status: 204 });
});
