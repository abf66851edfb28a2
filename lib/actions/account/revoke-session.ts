"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { revokeSessionSchema } from "@/lib/schemas/account";
import { revokeSession } from "@/lib/server/services/auth/revoke-session";

const action = defineFormAction({
  schema: revokeSessionSchema,
  permission: "signed-in",
  run: async ({ actor, input }) => {
    await revokeSession({ actor, input });
    return { revalidate: ["/account"] };
  },
});

export async function revokeSessionAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
