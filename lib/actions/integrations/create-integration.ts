"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createIntegrationSchema } from "@/lib/schemas/integration";
import { createIntegration } from "@/lib/server/services/integrations/create-integration";

const action = defineFormAction({
  schema: createIntegrationSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    const { id, secret } = await createIntegration({ actor, input });
    return { revalidate: ["/admin/integrations"], data: { secret, integrationId: String(id) } };
  },
});

export async function createIntegrationAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
