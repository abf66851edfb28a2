"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { reportRecipientsSchema } from "@/lib/schemas/notifications";
import { setReportRecipients } from "@/lib/server/services/reports/set-report-recipients";

const action = defineFormAction({
  schema: reportRecipientsSchema,
  permission: "report:publish",
  run: async ({ actor, input }) => {
    await setReportRecipients({ actor, input });
    const n = input.recipients.length;
    return {
      revalidate: input.week ? [`/reports/weekly/${input.week}`] : [],
      message:
        n === 0
          ? "Distribution list cleared: publishing sends no email."
          : `Saved: publishing emails the report to ${n} address${n === 1 ? "" : "es"}.`,
    };
  },
});

export async function setReportRecipientsAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
