"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateOutboundWebhookSchema } from "@/lib/schemas/outbound-webhook";
import { updateOutboundWebhook } from "@/lib/server/services/webhooks/update-outbound-webhook";

const action = defineFormAction({
  schema: updateOutboundWebhookSchema,
  permission: "integrations:manage",
  arrays: ["events"],
  run: async ({ actor, input }) => {
    await updateOutboundWebhook({ actor, input });
    return {
      revalidate: ["/admin/webhooks", `/admin/webhooks/${input.webhookId}`],
      message: input.active ? "Saved." : "Saved. The webhook is inactive: nothing is queued for it.",
    };
  },
});

export async function updateOutboundWebhookAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
