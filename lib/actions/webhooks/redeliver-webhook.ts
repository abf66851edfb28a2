"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { redeliverSchema } from "@/lib/schemas/outbound-webhook";
import { redeliverWebhook } from "@/lib/server/services/webhooks/redeliver-webhook";

const action = defineFormAction({
  schema: redeliverSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    const { webhookId } = await redeliverWebhook({ actor, input });
    return {
      revalidate: [webhookId === null ? "/admin/integrations" : `/admin/webhooks/${webhookId}`],
      message: "Queued again.",
    };
  },
});

export async function redeliverWebhookAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
