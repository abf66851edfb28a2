"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { setAiRuleActiveSchema } from "@/lib/schemas/integration";
import { setAiRuleActive } from "@/lib/server/services/integrations/save-ai-rule";

const action = defineFormAction({
  schema: setAiRuleActiveSchema,
  permission: "integrations:manage",
  run: async ({ actor, input }) => {
    await setAiRuleActive({ actor, ruleId: input.ruleId, active: input.active });
    return { revalidate: ["/admin/integrations"] };
  },
});

export async function setAiRuleActiveAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
