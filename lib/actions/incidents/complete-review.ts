"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { completeReviewSchema } from "@/lib/schemas/incident-updates";
import { completeReview } from "@/lib/server/services/incidents/complete-review";

const action = defineFormAction({
  schema: completeReviewSchema,
  permission: "incident:review",
  run: async ({ actor, input }) => {
    await completeReview({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function completeReviewAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
