"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateBlastRadiusSchema } from "@/lib/schemas/incident-updates";
import { updateBlastRadius } from "@/lib/server/services/incidents/update-blast-radius";

const action = defineFormAction({
  schema: updateBlastRadiusSchema,
  permission: "incident:update",
  arrays: ["serviceIds", "regionIds", "capabilityIds"],
  run: async ({ actor, input }) => {
    await updateBlastRadius({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function updateBlastRadiusAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
