"use server";

import { z } from "zod";
import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { markNotificationsRead } from "@/lib/server/services/notifications/mark-notifications-read";

const action = defineFormAction({
  schema: z.object({ notificationId: z.coerce.number().int().positive().optional() }),
  permission: "incident:read",
  run: async ({ actor, input }) => {
    await markNotificationsRead({ actor, notificationId: input.notificationId });
    return { revalidate: ["/", "/notifications"] };
  },
});

export async function markNotificationsReadAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
