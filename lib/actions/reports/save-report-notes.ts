"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { saveReportNotesSchema } from "@/lib/schemas/weekly-report";
import { saveReportNotes } from "@/lib/server/services/reports/save-report-notes";

const action = defineFormAction({
  schema: saveReportNotesSchema,
  permission: "report:publish",
  run: async ({ actor, input }) => {
    await saveReportNotes({ actor, input });
    return { revalidate: [`/reports/weekly/${input.week}`], message: "Notes saved." };
  },
});

export async function saveReportNotesAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
