"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateUserSchema } from "@/lib/schemas/admin-user";
import { updateUser } from "@/lib/server/services/users/update-user";

const action = defineFormAction({
  schema: updateUserSchema,
  permission: "users:manage",
  run: async ({ actor, input }) => {
    await updateUser({ actor, input });
    return {
      revalidate: ["/admin/users", `/admin/users/${input.userId}`],
      message: "Saved. A new level applies to changes registered from now on.",
    };
  },
});

export async function updateUserAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
