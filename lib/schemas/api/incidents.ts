import { z } from "zod";
import { BLAST_RADIUS_LEVELS } from "@/lib/domain/blast-radius";
import { LINK_ROLES } from "@/lib/domain/change-failure";
import { INCIDENT_STATUSES, SEVERITIES } from "@/lib/domain/severity";
import {
  apiDayFilter,
  apiPastInstant,
  csvEnum,
  csvRefs,
  isoTimestamp,
  namedRef,
  pageOf,
  pageQuery,
  pathIdSchema,
  personRef,
  queryFlag,
} from "./common";
import { jsonRecordId } from "../ids";

const severity = z.enum(SEVERITIES, { error: `Use one of ${SEVERITIES.join(", ")}.` });
const status = z.enum(INCIDENT_STATUSES, { error: `Use one of ${INCIDENT_STATUSES.join(", ")}.` });

/** History from another tool: needs a token with the `import` scope. */
const importedTimes = {
  detectedAt: apiPastInstant.optional().meta({ description: "Import only: when it was detected." }),
  mitigatedAt: apiPastInstant.optional().meta({ description: "Import only: when the impact was mitigated." }),
  resolvedAt: apiPastInstant.optional().meta({ description: "Import only: when it was resolved." }),
  reviewCompletedAt: apiPastInstant
    .optional()
    .meta({ description: "Import only: when the post-incident review was completed." }),
};
export const IMPORT_ONLY_INCIDENT_FIELDS = [
  "detectedAt",
  "mitigatedAt",
  "resolvedAt",
  "reviewCompletedAt",
  "source",
  "externalId",
] as const;

export const apiIncidentCreateSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(3, "At least 3 characters.")
      .max(200, "At most 200 characters.")
      .meta({ example: "Checkout returns 502" }),
    severity,
    impactStartedAt: apiPastInstant.meta({ description: "When customers started to feel it." }),
    services: z
      .array(z.string().trim().min(1).max(100))
      .min(1, "Name at least one affected service (slug).")
      .max(50, "At most 50 services.")
      .meta({ description: "Affected services by slug.", example: ["checkout"] }),
    ...importedTimes,
    source: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "Import only: the tool it comes from; with externalId it identifies the incident." }),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Import only: its id in that tool. Posting it again changes nothing, or corrects it." }),
  })
  .superRefine((value, ctx) => {
    const importing = IMPORT_ONLY_INCIDENT_FIELDS.some((field) => value[field] !== undefined);
    for (const field of ["source", "externalId"] as const)
      if (importing && value[field] === undefined)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "An import is identified by source and externalId together: send both.",
        });
  })
  .meta({ id: "IncidentCreate" });

export const apiIncidentPatchSchema = z
  .strictObject({
    version: jsonRecordId("A version is a whole number from 1.")
      .optional()
      .meta({ description: 'The version you read; or send it as `If-Match: "<version>"`.' }),
    status: status.optional(),
    note: z.string().trim().max(2000).optional().meta({ description: "Why the status changes (timeline)." }),
    severity: severity.optional(),
    reason: z.string().trim().min(3, "Say why the severity changes (at least 3 characters).").max(500).optional(),
    ...importedTimes,
  })
  .superRefine((value, ctx) => {
    const times = value.detectedAt ?? value.mitigatedAt ?? value.resolvedAt ?? value.reviewCompletedAt;
    if (!value.status && !value.severity && !times)
      ctx.addIssue({ code: "custom", path: ["status"], message: "Send a new status, a new severity, or both." });
    if (times && (value.status || value.severity))
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "Send imported times in a request of their own (the status follows from them).",
      });
    if (value.severity && !value.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the severity changes." });
  })
  .meta({ id: "IncidentPatch" });

export const apiTimelineNoteSchema = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(1, "Write something.")
      .max(4000, "At most 4,000 characters.")
      .meta({ example: "Rolled back deploy-8841; error rate falling." }),
  })
  .meta({ id: "TimelineNoteInput" });

export const apiLinkCreateSchema = z
  .strictObject({
    changeId: jsonRecordId()
      .optional()
      .meta({ description: "Faultline's id of the change; or give source + externalId." }),
    source: z.string().trim().min(1).max(50).optional().meta({ example: "github-actions" }),
    externalId: z.string().trim().min(1).max(200).optional().meta({ example: "deploy-8841" }),
    role: z.enum(LINK_ROLES, { error: `Use one of ${LINK_ROLES.join(", ")}.` }),
  })
  .superRefine((value, ctx) => {
    if (value.changeId === undefined && value.externalId === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["changeId"],
        message: "Name the change: changeId, or source and externalId.",
      });
  })
  .meta({ id: "LinkInput" });

export const linkParams = z.object({
  id: pathIdSchema("Incident id", 42),
  changeId: pathIdSchema("Change id", 3005),
});

export const apiIncidentListQuery = z.strictObject({
  severity: csvEnum(SEVERITIES, "Severities.").optional(),
  status: csvEnum(INCIDENT_STATUSES, "Statuses.").optional(),
  service: csvRefs("Affected services.").optional(),
  team: csvRefs("Teams owning an affected service.").optional(),
  from: apiDayFilter
    .optional()
    .meta({ description: "Impact started on or after this day (organisation's time zone)." }),
  to: apiDayFilter.optional().meta({ description: "Impact started on or before this day (inclusive)." }),
  ai: queryFlag.optional().meta({ description: "true: only AI-linked incidents." }),
  blast: queryFlag.optional().meta({ description: "true: only high or critical blast radius." }),
  q: z.string().max(200).optional().meta({ description: "Words in the title or summary." }),
  ...pageQuery,
});

export const apiIncidentSchema = z
  .object({
    id: z.number().int(),
    url: z.url().meta({ description: "The incident's page in Faultline." }),
    title: z.string(),
    summary: z.string(),
    severity,
    status,
    blastRadiusLevel: z.enum(BLAST_RADIUS_LEVELS),
    impactStartedAt: isoTimestamp,
    detectedAt: isoTimestamp.nullable(),
    mitigatedAt: isoTimestamp.nullable(),
    resolvedAt: isoTimestamp.nullable(),
    durationMinutes: z.number().int().meta({ description: "Resolved (or now) minus impact start." }),
    aiLinked: z.boolean(),
    services: z.array(namedRef),
    commander: personRef.nullable(),
    source: z.string().nullable(),
    externalKey: z.string().nullable(),
    version: z.number().int().meta({ description: "Send it back (or as If-Match) when you update the incident." }),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Incident" });
export type ApiIncident = z.infer<typeof apiIncidentSchema>;

export const apiTimelineEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().meta({ example: "NOTE" }),
    occurredAt: isoTimestamp,
    body: z.string(),
    author: z.string().nullable(),
  })
  .meta({ id: "TimelineEvent" });

export const apiIncidentLinkSchema = z
  .object({
    role: z.enum(LINK_ROLES),
    change: z.object({
      id: z.number().int(),
      url: z.url(),
      title: z.string(),
      source: z.string(),
      externalId: z.string().nullable(),
      aiAssisted: z.boolean(),
    }),
  })
  .meta({ id: "IncidentLink" });

export const apiIncidentDetailSchema = apiIncidentSchema
  .extend({ changes: z.array(apiIncidentLinkSchema), timeline: z.array(apiTimelineEventSchema) })
  .meta({ id: "IncidentDetail" });
export type ApiIncidentDetail = z.infer<typeof apiIncidentDetailSchema>;

export const apiIncidentPageSchema = pageOf(apiIncidentSchema, "IncidentPage");
