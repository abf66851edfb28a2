"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateReviewSchema } from "@/lib/schemas/incident-updates";
import { updateReview } from "@/lib/server/services/incidents/update-review";

const action = defineFormAction({
  schema: updateReviewSchema,
  permission: "incident:review",
  arrays: ["fiveWhys", "factorIds"],
  run: async ({ actor, input }) => {
    await updateReview({ actor, input });
    return { revalidate: [`/incidents/${input.incidentId}`] };
  },
});

export async function updateReviewAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
