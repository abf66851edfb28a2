"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { saveAiRuleSchema } from "@/lib/schemas/integration";
import { saveAiRule } from "@/lib/server/services/integrations/save-ai-rule";

const action = defineFormAction({
  schema: saveAiRuleSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await saveAiRule({ actor, input });
    return { revalidate: ["/admin/integrations"], message: input.ruleId ? "Rule saved." : "Rule added." };
  },
});

export async function saveAiRuleAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
