"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { moveAiRuleSchema } from "@/lib/schemas/integration";
import { moveAiRule } from "@/lib/server/services/integrations/save-ai-rule";

const action = defineFormAction({
  schema: moveAiRuleSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await moveAiRule({ actor, ruleId: input.ruleId, direction: input.direction });
    return { revalidate: ["/admin/integrations"] };
  },
});

export async function moveAiRuleAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
