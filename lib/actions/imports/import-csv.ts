"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { csvImportSchema } from "@/lib/schemas/csv-import";
import { importCsv } from "@/lib/server/services/imports/import-csv";

const action = defineFormAction({
  schema: csvImportSchema,
  permission: "settings:manage",
  run: async ({ actor, input }) => {
    const result = await importCsv({ actor, text: input.csv });
    return {
      revalidate: ["/incidents", "/changes", "/dashboard", "/admin/import"],
      message: `${result.label}: ${result.created} created, ${result.updated} updated, ${result.unchanged} already up to date.`,
    };
  },
});

export async function importCsvAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
