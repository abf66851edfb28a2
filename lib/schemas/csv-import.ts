import { z } from "zod";

/** The file's text, read in the browser; the server parses it (lib/server/services/imports). */
export const csvImportSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file." })
    .min(1, "Choose a CSV file.")
    .max(5_000_000, "Keep the file under 5 MB; split larger exports."),
});
export type CsvImportInput = z.infer<typeof csvImportSchema>;

/** Removing the demo organisation: typed confirmation, so one click cannot do it. */
export const removeDemoDataSchema = z.object({
  confirm: z.literal("remove demo data", { error: "Type “remove demo data” to confirm." }),
});
export type RemoveDemoDataInput = z.infer<typeof removeDemoDataSchema>;
