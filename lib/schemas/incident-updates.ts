import { z } from "zod";
import { dueDate } from "./dates";
import { recordId } from "./ids";
import { LINK_ROLES } from "@/lib/domain/change-failure";
import { INCIDENT_STATUSES, SEVERITIES } from "@/lib/domain/severity";

const id = recordId("Missing id.");
const version = recordId("Reload the page: the form is missing its version.");
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .default("");

export const updateIncidentStatusSchema = z.object({
  incidentId: id,
  version,
  status: z.enum(INCIDENT_STATUSES, { error: "Choose a status." }),
  note: optionalText(2000, "the note"),
});
export type UpdateIncidentStatusInput = z.infer<typeof updateIncidentStatusSchema>;

export const changeIncidentSeveritySchema = z.object({
  incidentId: id,
  version,
  severity: z.enum(SEVERITIES, { error: "Choose a severity from Sev1 to Sev4." }),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the severity changes (at least 3 characters).")
    .max(500, "Keep the reason under 500 characters."),
});
export type ChangeIncidentSeverityInput = z.infer<typeof changeIncidentSeveritySchema>;

export const addTimelineNoteSchema = z.object({
  incidentId: id,
  body: z
    .string()
    .trim()
    .min(1, "Write something before adding the note.")
    .max(4000, "Keep a note under 4,000 characters."),
});
export type AddTimelineNoteInput = z.infer<typeof addTimelineNoteSchema>;

export const updateIncidentDetailsSchema = z.object({
  incidentId: id,
  version,
  title: z
    .string()
    .trim()
    .min(3, "Give the incident a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters."),
  summary: optionalText(5000, "the summary"),
  commanderId: z
    .union([z.literal("").transform(() => null), recordId()])
    .nullable()
    .default(null),
});
export type UpdateIncidentDetailsInput = z.infer<typeof updateIncidentDetailsSchema>;

const ids = z
  .array(recordId())
  .max(100)
  .default([])
  .transform((v) => [...new Set(v)]);
const optionalNumber = (schema: z.ZodNumber) =>
  z.union([z.literal("").transform(() => null), z.null(), z.coerce.number().pipe(schema)]).default(null);

/** Blast-radius figures, shared with the declare form (lib/schemas/incident.ts). */
export const customerImpactPctField = optionalNumber(
  z
    .number({ error: "Enter a percentage." })
    .min(0, "A share cannot be negative.")
    .max(100, "A share cannot exceed 100%."),
);
export const failedTransactionsField = optionalNumber(
  z
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(0, "Cannot be negative.")
    .max(1e12, "That number is too large."),
);

export const updateBlastRadiusSchema = z.object({
  incidentId: id,
  version,
  serviceIds: ids.refine((v) => v.length > 0, "Keep at least one affected service."),
  regionIds: ids,
  capabilityIds: ids,
  customerImpactPct: customerImpactPctField,
  failedTransactions: failedTransactionsField,
});
export type UpdateBlastRadiusInput = z.infer<typeof updateBlastRadiusSchema>;

export const updateReviewSchema = z.object({
  incidentId: id,
  version,
  whatHappened: optionalText(20_000, "“what happened”"),
  customerImpact: optionalText(10_000, "customer impact"),
  rootCause: optionalText(10_000, "the root cause"),
  fiveWhys: z.array(z.string().trim().max(1000, "Keep each why under 1,000 characters.")).max(5).default([]),
  lessons: optionalText(10_000, "lessons learned"),
  factorIds: ids,
});
export type UpdateReviewInput = z.infer<typeof updateReviewSchema>;

export const completeReviewSchema = z.object({ incidentId: id, version });
export type CompleteReviewInput = z.infer<typeof completeReviewSchema>;

export const addActionItemSchema = z.object({
  incidentId: id,
  title: z
    .string()
    .trim()
    .min(3, "Describe the action in at least 3 characters.")
    .max(300, "Keep the action under 300 characters."),
  ownerId: recordId("Choose an owner."),
  dueDate: dueDate("Pick a real due date (YYYY-MM-DD)."),
});
export type AddActionItemInput = z.infer<typeof addActionItemSchema>;

export const setActionItemDoneSchema = z.object({
  actionItemId: id,
  done: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetActionItemDoneInput = z.infer<typeof setActionItemDoneSchema>;

export const linkChangeSchema = z.object({
  incidentId: id,
  changeId: id,
  role: z.enum(LINK_ROLES, { error: "Choose the role the change played." }),
});
export type LinkChangeInput = z.infer<typeof linkChangeSchema>;

export const unlinkChangeSchema = z.object({ incidentId: id, changeId: id });
export type UnlinkChangeInput = z.infer<typeof unlinkChangeSchema>;
