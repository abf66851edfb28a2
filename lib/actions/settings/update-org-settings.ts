"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { updateOrgSettingsSchema } from "@/lib/schemas/org-settings";
import { getOidcConfig } from "@/lib/server/auth/oidc-config";
import { updateOrgSettings } from "@/lib/server/services/settings/update-org-settings";

const action = defineFormAction({
  schema: updateOrgSettingsSchema,
  permission: "settings:manage",
  run: async ({ actor, input }) => {
    const { statsRebuilt } = await updateOrgSettings({ actor, input, ssoConfigured: getOidcConfig() !== null });
    // The time zone moves every week boundary: every page may show other numbers now.
    return {
      revalidate: statsRebuilt ? ["/", "/admin/settings"] : ["/admin/settings"],
      message: statsRebuilt
        ? "Settings saved. Dashboard statistics were rebuilt for the new time zone."
        : "Settings saved.",
    };
  },
});

export async function updateOrgSettingsAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
