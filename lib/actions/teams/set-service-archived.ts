"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setServiceArchivedSchema } from "@/lib/schemas/admin-team";
import { setServiceArchived } from "@/lib/server/services/teams/set-service-archived";

const action = defineFormAction({
  schema: setServiceArchivedSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await setServiceArchived({ actor, input });
    return { revalidate: ["/admin/teams"] };
  },
});

export async function setServiceArchivedAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
