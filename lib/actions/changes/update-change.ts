"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateChangeSchema } from "@/lib/schemas/change";
import { updateChange } from "@/lib/server/services/changes/update-change";

const action = defineFormAction({
  schema: updateChangeSchema,
  permission: "change:read",
  run: async ({ actor, input }) => {
    const { changed } = await updateChange({ actor, input });
    return {
      revalidate: [`/changes/${input.changeId}`, "/changes"],
      message: changed.length ? "Saved." : "Nothing changed: the change already reads like this.",
    };
  },
});

export async function updateChangeAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
