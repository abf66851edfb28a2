"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { linkChangeSchema } from "@/lib/schemas/incident-updates";
import { changeLinkRole } from "@/lib/server/services/incidents/change-link-role";

const action = defineFormAction({
  schema: linkChangeSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await changeLinkRole({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function changeLinkRoleAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
