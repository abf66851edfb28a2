"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateGithubConfigSchema } from "@/lib/schemas/integration";
import { updateIntegrationConfig } from "@/lib/server/services/integrations/update-integration";

const action = defineFormAction({
  schema: updateGithubConfigSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await updateIntegrationConfig({ actor, input, kind: "GITHUB" });
    return { revalidate: ["/admin/integrations"], message: "Mapping saved." };
  },
});

export async function updateGithubConfigAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
