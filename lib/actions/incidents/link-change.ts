"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { linkChangeSchema } from "@/lib/schemas/incident-updates";
import { linkChange } from "@/lib/server/services/incidents/link-change";

const action = defineFormAction({
  schema: linkChangeSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await linkChange({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`, `/changes/${input.changeId}`] };
  },
});

export async function linkChangeAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
