"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createListItemSchema } from "@/lib/schemas/managed-list";
import { createListItem } from "@/lib/server/services/lists/create-list-item";

const action = defineFormAction({
  schema: createListItemSchema,
  permission: "lists:manage",
  run: async ({ actor, input }) => {
    await createListItem({ actor, input });
    return { revalidate: ["/admin/lists"] };
  },
});

export async function createListItemAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
