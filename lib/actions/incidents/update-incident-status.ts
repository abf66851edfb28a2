"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateIncidentStatusSchema } from "@/lib/schemas/incident-updates";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";

const action = defineFormAction({
  schema: updateIncidentStatusSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await updateIncidentStatus({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function updateIncidentStatusAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
