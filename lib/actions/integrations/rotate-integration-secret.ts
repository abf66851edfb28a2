"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { integrationIdSchema } from "@/lib/schemas/integration";
import { rotateIntegrationSecret } from "@/lib/server/services/integrations/update-integration";

const action = defineFormAction({
  schema: integrationIdSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    const { secret } = await rotateIntegrationSecret({ actor, integrationId: input.integrationId });
    return { revalidate: ["/admin/integrations"], data: { secret } };
  },
});

export async function rotateIntegrationSecretAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
