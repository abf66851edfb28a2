"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { renameTeamSchema } from "@/lib/schemas/admin-team";
import { renameTeam } from "@/lib/server/services/teams/rename-team";

const action = defineFormAction({
  schema: renameTeamSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await renameTeam({ actor, input });
    return { revalidate: ["/admin/teams"] };
  },
});

export async function renameTeamAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
