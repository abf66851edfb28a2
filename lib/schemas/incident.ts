import { z } from "zod";
import { pastInstant } from "./dates";
import { recordId } from "./ids";
import { SEVERITIES } from "@/lib/domain/severity";

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
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;
