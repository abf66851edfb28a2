import { z } from "zod";
import { pastInstant } from "./dates";
import { recordId } from "./ids";
import { customerImpactPctField, failedTransactionsField } from "./incident-updates";
import { SEVERITIES } from "@/lib/domain/severity";

/** An optional id from a form: "" (nothing chosen) is absent; a leading "#" is allowed. */
const optionalId = (message: string) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const text = v.trim().replace(/^#/, "");
    return text === "" ? undefined : text;
  }, recordId(message).optional());
const optionalIds = z
  .array(recordId())
  .max(100, "Pick at most 100.")
  .transform((ids) => [...new Set(ids)])
  .optional();

export const declareIncidentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Give the incident a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters; details go in the summary."),
  severity: z.enum(SEVERITIES, { error: "Choose a severity from Sev1 to Sev4." }),
  impactStartedAt: pastInstant({
    message: "Enter when the impact started.",
    future: "Impact cannot start in the future.",
  }),
  serviceIds: z
    .array(recordId())
    .min(1, "Pick at least one affected service.")
    .max(50, "Pick at most 50 services.")
    .transform((ids) => [...new Set(ids)]),
  // Optional while declaring: what people know in the first minutes (issue 16, item 10).
  summary: z.string().trim().max(5000, "Keep the summary under 5,000 characters.").optional(),
  /** Defaults to the person declaring. */
  commanderId: optionalId("Choose a commander from the list."),
  teamId: optionalId("Choose a team from the list."),
  regionIds: optionalIds,
  capabilityIds: optionalIds,
  customerImpactPct: customerImpactPctField.optional(),
  failedTransactions: failedTransactionsField.optional(),
  /** A change suspected of causing it, by number ("1234" or "#1234"); linked as Suspected. */
  suspectedChangeId: optionalId("Enter the change's number, e.g. 1234 (from the Changes page)."),
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;
