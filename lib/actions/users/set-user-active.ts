"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setUserActiveSchema } from "@/lib/schemas/admin-user";
import { setUserActive } from "@/lib/server/services/users/set-user-active";

const action = defineFormAction({
  schema: setUserActiveSchema,
  permission: "users:manage",
  run: async ({ actor, input }) => {
    await setUserActive({ actor, input });
    return {
      revalidate: ["/admin/users", `/admin/users/${input.userId}`],
      message: input.active ? "Reactivated: they can sign in again." : "Deactivated: their sessions have ended.",
    };
  },
});

export async function setUserActiveAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
