"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createSlackDestinationSchema } from "@/lib/schemas/outbound-webhook";
import { createSlackDestination } from "@/lib/server/services/webhooks/create-slack-destination";

const action = defineFormAction({
  schema: createSlackDestinationSchema,
  permission: "integrations:manage",
  arrays: ["events"],
  run: async ({ actor, input }) => {
    const { id, maskedUrl } = await createSlackDestination({ actor, input });
    return { revalidate: ["/admin/slack"], data: { id: String(id), name: input.name, maskedUrl } };
  },
});

export async function createSlackDestinationAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
