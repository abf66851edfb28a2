import { z } from "zod";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** Account page: which emails this person gets. */
export const notificationPreferencesSchema = z.object({
  emailApprovalNeeded: checkbox,
  emailWeeklyReport: checkbox,
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

export const MAX_REPORT_RECIPIENTS = 50;
/**
 * One plain address: no display name, no comments, nothing that could end a mail header or
 * add a recipient (CR, LF, commas, angle brackets, quotes, spaces, control characters).
 */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Report page: the distribution list, one address per line (commas and semicolons also separate). */
export const reportRecipientsSchema = z.object({
  /** The report page the form was on (only to refresh it). */
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, "Open the form from a weekly report.")
    .optional(),
  recipients: z
    .string()
    .max(20_000, "Keep the list under 20,000 characters.")
    .transform((text, ctx) => {
      const entries = text
        .split(/[\n,;]+/)
        .map((entry) => entry.trim())
        .filter(Boolean);
      const bad = entries.filter((entry) => entry.length > 254 || !ADDRESS.test(entry));
      if (bad.length > 0) {
        const shown = bad
          .slice(0, 3)
          .map((entry) => `“${entry.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 60)}”`)
          .join(", ");
        ctx.addIssue({
          code: "custom",
          message: `Not an email address: ${shown}${bad.length > 3 ? ` and ${bad.length - 3} more` : ""}. Enter one plain address per line, e.g. twist@example.com.`,
        });
        return z.NEVER;
      }
      const unique = [...new Map(entries.map((entry) => [entry.toLowerCase(), entry])).values()];
      if (unique.length > MAX_REPORT_RECIPIENTS) {
        ctx.addIssue({
          code: "custom",
          message: `At most ${MAX_REPORT_RECIPIENTS} addresses: use a mailing list address for larger groups.`,
        });
        return z.NEVER;
      }
      return unique;
    }),
});
export type ReportRecipientsInput = z.infer<typeof reportRecipientsSchema>;
