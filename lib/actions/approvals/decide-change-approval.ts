"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { decideApprovalSchema } from "@/lib/schemas/approval";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";

const action = defineFormAction({
  schema: decideApprovalSchema,
  permission: "change:read",
  run: async ({ actor, input }) => {
    await decideChangeApproval({ actor, input });
    return {
      revalidate: ["/approvals", `/changes/${input.changeId}`],
      message: input.decision === "APPROVED" ? "Approved." : "Rejected.",
    };
  },
});

export async function decideChangeApprovalAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
