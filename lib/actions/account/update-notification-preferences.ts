"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { notificationPreferencesSchema } from "@/lib/schemas/notifications";
import { updateNotificationPreferences } from "@/lib/server/services/notifications/update-notification-preferences";

const action = defineFormAction({
  schema: notificationPreferencesSchema,
  permission: "signed-in",
  run: async ({ actor, input }) => {
    await updateNotificationPreferences({ actor, input });
    return { revalidate: ["/account"], message: "Email preferences saved." };
  },
});

export async function updateNotificationPreferencesAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
