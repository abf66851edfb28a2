"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { addTimelineNoteSchema } from "@/lib/schemas/incident-updates";
import { addTimelineNote } from "@/lib/server/services/incidents/add-timeline-note";

const action = defineFormAction({
  schema: addTimelineNoteSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await addTimelineNote({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function addTimelineNoteAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
