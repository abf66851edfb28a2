"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { changeIncidentSeveritySchema } from "@/lib/schemas/incident-updates";
import { changeIncidentSeverity } from "@/lib/server/services/incidents/change-incident-severity";

const action = defineFormAction({
  schema: changeIncidentSeveritySchema,
  permission: "incident:update",
  run: async ({ actor, input }) => {
    await changeIncidentSeverity({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function changeIncidentSeverityAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
