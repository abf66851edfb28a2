"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { csvImportSchema } from "@/lib/schemas/csv-import";
import { previewCsvImport } from "@/lib/server/services/imports/import-csv";

const PREVIEW_ROWS = 20;

const action = defineFormAction({
  schema: csvImportSchema,
  permission: "settings:manage",
  run: async ({ actor, input }) => {
    const plan = await previewCsvImport({ actor, text: input.csv });
    const preview = {
      label: plan.label,
      total: plan.rows.length,
      invalid: plan.invalid,
      // The first rows, and every row with a problem (they decide whether the file can go in).
      rows: plan.rows
        .filter((row, index) => index < PREVIEW_ROWS || row.mapped.errors.length > 0)
        .map(({ line, mapped }) => ({
          line,
          errors: mapped.errors,
          title: mapped.row?.title ?? "",
          id: mapped.row?.externalId ?? "",
          when:
            mapped.row?.kind === "incident"
              ? mapped.row.impactStartedAt.toISOString()
              : (mapped.row?.shippedAt?.toISOString() ?? ""),
          detail: mapped.row?.kind === "incident" ? mapped.row.severity : (mapped.row?.changeKind ?? ""),
        })),
    };
    return { data: { preview: JSON.stringify(preview) } };
  },
});

export async function previewCsvImportAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
