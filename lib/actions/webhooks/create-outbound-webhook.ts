"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createOutboundWebhookSchema } from "@/lib/schemas/outbound-webhook";
import { createOutboundWebhook } from "@/lib/server/services/webhooks/create-outbound-webhook";

const action = defineFormAction({
  schema: createOutboundWebhookSchema,
  permission: "integrations:manage",
  arrays: ["events"],
  run: async ({ actor, input }) => {
    const { id, secret } = await createOutboundWebhook({ actor, input });
    return { revalidate: ["/admin/webhooks"], data: { secret, id: String(id), name: input.name } };
  },
});

export async function createOutboundWebhookAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
