import { apiTimelineNoteSchema } from "@/lib/schemas/api/incidents";
import { apiRoute, pathId, readJsonText } from "@/lib/server/api/api-route";
import { withIdempotencyKey } from "@/lib/server/api/idempotency";
import { parseApiInput } from "@/lib/server/api/parse";
import { getTimelineEvent } from "@/lib/server/queries/incidents/api-incidents";
import { addTimelineNoteInTx } from "@/lib/server/services/incidents/add-timeline-note";

export const dynamic = "force-dynamic";

/** Appends a note to the incident's timeline (no version needed: notes never conflict). */
export const POST = apiRoute<{ id: string }>("incidents:write", async ({ request, params, actor, caller }) => {
  const incidentId = pathId(params.id, "No incident with this id.");
  const body = await readJsonText(request);
  return withIdempotencyKey(request, { tokenId: caller.tokenId, body: body.text }, async (tx) => {
    const input = parseApiInput(apiTimelineNoteSchema, body.value);
    const { id } = await addTimelineNoteInTx(tx, actor, { incidentId, body: input.body });
    return { status: 201, body: (await getTimelineEvent(id, tx))! };
  });
});
