"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setTeamArchivedSchema } from "@/lib/schemas/admin-team";
import { setTeamArchived } from "@/lib/server/services/teams/set-team-archived";

const action = defineFormAction({
  schema: setTeamArchivedSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await setTeamArchived({ actor, input });
    return { revalidate: ["/admin/teams"] };
  },
});

export async function setTeamArchivedAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
