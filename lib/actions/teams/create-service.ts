"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createServiceSchema } from "@/lib/schemas/admin-team";
import { createService } from "@/lib/server/services/teams/create-service";

const action = defineFormAction({
  schema: createServiceSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await createService({ actor, input });
    return { revalidate: ["/admin/teams"], message: `Service “${input.name}” created.` };
  },
});

export async function createServiceAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
