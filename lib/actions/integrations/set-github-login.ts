"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setGithubLoginSchema } from "@/lib/schemas/integration";
import { setGithubLogin } from "@/lib/server/services/integrations/set-github-login";

const action = defineFormAction({
  schema: setGithubLoginSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await setGithubLogin({ actor, input });
    return {
      revalidate: ["/admin/integrations"],
      message: input.githubLogin ? `Mapped @${input.githubLogin}.` : "Login cleared.",
    };
  },
});

export async function setGithubLoginAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
