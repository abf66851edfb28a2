"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { outboundWebhookIdSchema } from "@/lib/schemas/outbound-webhook";
import { rotateWebhookSecret } from "@/lib/server/services/webhooks/rotate-webhook-secret";

const action = defineFormAction({
  schema: outboundWebhookIdSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    const { secret } = await rotateWebhookSecret({ actor, input });
    return { data: { secret } };
  },
});

export async function rotateWebhookSecretAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
