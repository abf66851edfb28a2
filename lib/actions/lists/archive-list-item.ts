"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { archiveListItemSchema } from "@/lib/schemas/managed-list";
import { archiveListItem } from "@/lib/server/services/lists/archive-list-item";

const action = defineFormAction({
  schema: archiveListItemSchema,
  permission: "lists:manage",
  run: async ({ actor, input }) => {
    await archiveListItem({ actor, input });
    return { revalidate: ["/admin/lists"] };
  },
});

export async function archiveListItemAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
