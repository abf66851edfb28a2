import { z } from "zod";

const week = z.string().regex(/^\d{4}-W\d{2}$/, "Not an ISO week such as 2026-W47.");

export const saveReportNotesSchema = z.object({
  week,
  notes: z.string().max(20_000, "Keep the notes under 20,000 characters.").default(""),
});
export type SaveReportNotesInput = z.infer<typeof saveReportNotesSchema>;

export const publishWeeklyReportSchema = z.object({ week });
export type PublishWeeklyReportInput = z.infer<typeof publishWeeklyReportSchema>;
