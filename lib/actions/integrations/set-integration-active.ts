"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setIntegrationActiveSchema } from "@/lib/schemas/integration";
import { setIntegrationActive } from "@/lib/server/services/integrations/update-integration";

const action = defineFormAction({
  schema: setIntegrationActiveSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await setIntegrationActive({ actor, integrationId: input.integrationId, active: input.active });
    return { revalidate: ["/admin/integrations"] };
  },
});

export async function setIntegrationActiveAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
