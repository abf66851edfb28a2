"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setActionItemDoneSchema } from "@/lib/schemas/incident-updates";
import { setActionItemDone } from "@/lib/server/services/incidents/set-action-item-done";

const action = defineFormAction({
  schema: setActionItemDoneSchema,
  permission: "incident:review",
  run: async ({ actor, input }) => {
    const { incidentId } = await setActionItemDone({ actor, input });
    return { revalidate: [`/incidents/${incidentId}`] };
  },
});

export async function setActionItemDoneAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
