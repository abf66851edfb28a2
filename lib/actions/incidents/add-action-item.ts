"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { addActionItemSchema } from "@/lib/schemas/incident-updates";
import { addActionItem } from "@/lib/server/services/incidents/add-action-item";

const action = defineFormAction({
  schema: addActionItemSchema,
  permission: "incident:review",
  run: async ({ actor, input }) => {
    await addActionItem({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function addActionItemAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
