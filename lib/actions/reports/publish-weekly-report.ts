"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { publishWeeklyReportSchema } from "@/lib/schemas/weekly-report";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { publishWeeklyReport } from "@/lib/server/services/reports/publish-weekly-report";
import { appUrl } from "@/lib/server/services/webhooks/app-url";

const action = defineFormAction({
  schema: publishWeeklyReportSchema,
  permission: "report:publish",
  run: async ({ actor, input }) => {
    const { timeZone, name } = await getOrgSettings();
    // Links in the frozen Markdown point at the configured public URL (NEXTAUTH_URL).
    await publishWeeklyReport({ actor, input, timeZone, organisation: name, baseUrl: appUrl("") });
    return {
      revalidate: [`/reports/weekly/${input.week}`, "/reports"],
      message: "Published. This version is frozen for the meeting.",
    };
  },
});

export async function publishWeeklyReportAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
