"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { declareIncidentSchema } from "@/lib/schemas/incident";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";

const action = defineFormAction({
  schema: declareIncidentSchema,
  permission: "incident:declare",
  arrays: ["serviceIds", "regionIds", "capabilityIds"],
  run: async ({ actor, input }) => {
    const { id } = await declareIncident({ actor, input });
    return { revalidate: ["/incidents"], redirectTo: `/incidents/${id}?declared=1` };
  },
});

export async function declareIncidentAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
