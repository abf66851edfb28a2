"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createUserSchema } from "@/lib/schemas/admin-user";
import { createUser } from "@/lib/server/services/users/create-user";

const action = defineFormAction({
  schema: createUserSchema,
  permission: "users:manage",
  run: async ({ actor, input }) => {
    await createUser({ actor, input });
    return {
      revalidate: ["/admin/users"],
      message: `${input.name} can now sign in as ${input.email} with the initial password.`,
    };
  },
});

export async function createUserAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
