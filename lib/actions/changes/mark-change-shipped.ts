"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { markChangeShippedSchema } from "@/lib/schemas/change";
import { markChangeShipped } from "@/lib/server/services/changes/mark-change-shipped";

const action = defineFormAction({
  schema: markChangeShippedSchema,
  permission: "change:read",
  run: async ({ actor, input }) => {
    await markChangeShipped({ actor, input });
    return { revalidate: [`/changes/${input.changeId}`, "/changes"], message: "Marked shipped." };
  },
});

export async function markChangeShippedAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
