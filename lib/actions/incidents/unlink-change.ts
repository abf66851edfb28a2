"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { unlinkChangeSchema } from "@/lib/schemas/incident-updates";
import { unlinkChange } from "@/lib/server/services/incidents/unlink-change";

const action = defineFormAction({
  schema: unlinkChangeSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await unlinkChange({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function unlinkChangeAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
