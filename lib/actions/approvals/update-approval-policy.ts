"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateApprovalPolicySchema } from "@/lib/schemas/approval";
import { updateApprovalPolicy } from "@/lib/server/services/approvals/update-approval-policy";

const action = defineFormAction({
  schema: updateApprovalPolicySchema,
  permission: "settings:manage",
  arrays: ["levelsRequiring", "approverLevels", "exemptInvolvements"],
  run: async ({ actor, input }) => {
    await updateApprovalPolicy({ actor, input });
    return {
      revalidate: ["/admin/policy"],
      message: "Saved. The new policy applies to changes registered from now on.",
    };
  },
});

export async function updateApprovalPolicyAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
