"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateListItemSchema } from "@/lib/schemas/managed-list";
import { updateListItem } from "@/lib/server/services/lists/update-list-item";

const action = defineFormAction({
  schema: updateListItemSchema,
  permission: "lists:manage",
  run: async ({ actor, input }) => {
    await updateListItem({ actor, input });
    return { revalidate: ["/admin/lists"] };
  },
});

export async function updateListItemAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
