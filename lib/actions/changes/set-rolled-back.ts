"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setRolledBackSchema } from "@/lib/schemas/change";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";

const action = defineFormAction({
  schema: setRolledBackSchema,
  permission: "change:register",
  run: async ({ actor, input }) => {
    await setRolledBack({ actor, input });
    return { revalidate: [`/changes/${input.changeId}`] };
  },
});

export async function setRolledBackAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
