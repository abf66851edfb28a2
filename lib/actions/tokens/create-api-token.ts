"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createApiTokenSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/server/services/tokens/create-api-token";

const action = defineFormAction({
  schema: createApiTokenSchema,
  // Admins create any token; everyone else only a personal `approve` token (checked in the service).
  permission: "change:read",
  arrays: ["scopes"],
  run: async ({ actor, input }) => {
    const { token } = await createApiToken({ actor, input });
    return { revalidate: ["/admin/tokens", "/account"], data: { token } };
  },
});

export async function createApiTokenAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
