"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { outboundWebhookIdSchema } from "@/lib/schemas/outbound-webhook";
import { sendTestWebhook } from "@/lib/server/services/webhooks/send-test-webhook";

const action = defineFormAction({
  schema: outboundWebhookIdSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await sendTestWebhook({ actor, input });
    return {
      revalidate: [`/admin/webhooks/${input.webhookId}`],
      message: "Test event queued: it goes out within a few seconds.",
    };
  },
});

export async function sendTestWebhookAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
