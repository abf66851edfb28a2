"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateIncidentDetailsSchema } from "@/lib/schemas/incident-updates";
import { updateIncidentDetails } from "@/lib/server/services/incidents/update-incident-details";

const action = defineFormAction({
  schema: updateIncidentDetailsSchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await updateIncidentDetails({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function updateIncidentDetailsAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
