"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateServiceSchema } from "@/lib/schemas/admin-team";
import { updateService } from "@/lib/server/services/teams/update-service";

const action = defineFormAction({
  schema: updateServiceSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await updateService({ actor, input });
    return { revalidate: ["/admin/teams"] };
  },
});

export async function updateServiceAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
