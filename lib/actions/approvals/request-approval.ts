"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { requestApprovalSchema } from "@/lib/schemas/approval";
import { requestApproval } from "@/lib/server/services/approvals/request-approval";

const action = defineFormAction({
  schema: requestApprovalSchema,
  permission: "change:register",
  run: async ({ actor, input }) => {
    await requestApproval({ actor, input });
    return { revalidate: ["/approvals", `/changes/${input.changeId}`] };
  },
});

export async function requestApprovalAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
