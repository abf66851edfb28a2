"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { revokeApiTokenSchema } from "@/lib/schemas/api-token";
import { revokeApiToken } from "@/lib/server/services/tokens/revoke-api-token";

const action = defineFormAction({
  schema: revokeApiTokenSchema,
  permission: "settings:manage",
  run: async ({ actor, input }) => {
    await revokeApiToken({ actor, input });
    return { revalidate: ["/admin/tokens"] };
  },
});

export async function revokeApiTokenAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
