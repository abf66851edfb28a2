"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { registerChangeSchema } from "@/lib/schemas/change";
import { registerChange } from "@/lib/server/services/changes/register-change";

const action = defineFormAction({
  schema: registerChangeSchema,
  // Engineers register their own changes, managers for others: the service decides which (change:register / change:register-for-others).
  permission: "change:read",
  run: async ({ actor, input }) => {
    const { id } = await registerChange({ actor, input });
    return { revalidate: ["/changes"], redirectTo: `/changes/${id}?registered=1` };
  },
});

export async function registerChangeAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
