"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { createTeamSchema } from "@/lib/schemas/admin-team";
import { createTeam } from "@/lib/server/services/teams/create-team";

const action = defineFormAction({
  schema: createTeamSchema,
  permission: "teams:manage",
  run: async ({ actor, input }) => {
    await createTeam({ actor, input });
    return { revalidate: ["/admin/teams"], message: `Team “${input.name}” created.` };
  },
});

export async function createTeamAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
