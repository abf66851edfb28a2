"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { outboundWebhookIdSchema } from "@/lib/schemas/outbound-webhook";
import { deleteOutboundWebhook } from "@/lib/server/services/webhooks/delete-outbound-webhook";

const action = defineFormAction({
  schema: outboundWebhookIdSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await deleteOutboundWebhook({ actor, input });
    return { revalidate: ["/admin/webhooks"], redirectTo: "/admin/webhooks" };
  },
});

export async function deleteOutboundWebhookAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
