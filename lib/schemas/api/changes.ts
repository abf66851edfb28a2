import { z } from "zod";
import { AI_INVOLVEMENTS, APPROVAL_STATES, CHANGE_KINDS, LEVELS } from "@/lib/domain/change";
import { LINK_ROLES } from "@/lib/domain/change-failure";
import { AI_SHARE_FILTERS } from "@/lib/domain/attribution/ai-share";
import { apiAttributionInputSchema } from "./attribution";
import {
  apiDayFilter,
  apiPastInstant,
  csvEnum,
  csvRefs,
  isoTimestamp,
  namedRef,
  pageOf,
  pageQuery,
  queryFlag,
} from "./common";

export const MAX_BATCH = 1000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en")} characters.`);

/** A change reported by CI/CD. (source, externalId) identifies it: posting it again updates it. */
export const apiChangeInputSchema = z
  .strictObject({
    source: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, "Use a short lowercase name such as “api”, “github-actions” or “argo”.")
      .default("api")
      .meta({
        description: "The system that reports the change. With externalId it identifies the change.",
        example: "github-actions",
      }),
    externalId: text(200)
      .min(1, "Give the id CI uses for this change (deploy id, PR number).")
      .meta({ example: "deploy-8841" }),
    kind: z.enum(CHANGE_KINDS, { error: `Use one of ${CHANGE_KINDS.join(", ")}.` }),
    title: text(300).min(3, "At least 3 characters.").meta({ example: "Deploy checkout 2026.11.24-1" }),
    service: text(100)
      .min(1, "Name the service by its slug.")
      .meta({ description: "Service slug.", example: "checkout" }),
    description: text(20_000).optional().meta({ description: "Absent: keep the stored value on update." }),
    externalUrl: z
      .url({ protocol: /^https?$/, error: "Use a full http(s) link." })
      .max(2000)
      .nullish(),
    repository: text(200).nullish().meta({ example: "acme/checkout" }),
    author: text(320).min(1).nullish().meta({
      description: "Author's email, or GitHub login. Their level is recorded when first known.",
      example: "mid@faultline.dev",
    }),
    aiAssisted: z.boolean().nullish().meta({ description: "Default false on create; absent keeps the stored value." }),
    aiTool: text(100).min(1).nullish().meta({ description: "AI tool slug or alias.", example: "copilot" }),
    aiInvolvement: z.enum(AI_INVOLVEMENTS, { error: `Use one of ${AI_INVOLVEMENTS.join(", ")}.` }).nullish(),
    attribution: apiAttributionInputSchema.optional().meta({
      description: "Attribution evidence, as for POST /changes/{id}/attribution; stored after the change is saved.",
    }),
    shippedAt: apiPastInstant
      .nullish()
      .meta({ description: "When it reached production; absent if it has not shipped." }),
    rolledBackAt: apiPastInstant.nullish(),
  })
  .meta({ id: "ChangeInput" });
export type ApiChangeInput = z.infer<typeof apiChangeInputSchema>;

export const apiChangeBatchSchema = z
  .strictObject({
    changes: z
      .array(apiChangeInputSchema)
      .min(1, "Send at least one change.")
      .max(MAX_BATCH, `Send at most ${MAX_BATCH.toLocaleString("en")} changes per batch; split larger imports.`),
  })
  .meta({ id: "ChangeBatchInput" });

export const apiChangePatchSchema = z
  .strictObject({
    rolledBackAt: apiPastInstant.nullable().meta({ description: "When it was rolled back; null clears it." }),
  })
  .meta({ id: "ChangePatch" });

export const apiChangeListQuery = z.strictObject({
  service: csvRefs("Services.").optional(),
  team: csvRefs("Teams.").optional(),
  kind: csvEnum(CHANGE_KINDS, "Kinds.").optional(),
  ai: queryFlag.optional().meta({ description: "true: AI-assisted only; false: the others." }),
  tool: csvRefs("AI tools (slug or alias).").optional(),
  share: csvEnum(
    AI_SHARE_FILTERS,
    "Measured AI share bands: NONE (0 %), LOW (1–20 %), MID (21–60 %), HIGH (> 60 %), UNMEASURED.",
  ).optional(),
  level: csvEnum(LEVELS, "Author levels.").optional(),
  approval: csvEnum(APPROVAL_STATES, "Approval states.").optional(),
  violation: queryFlag.optional().meta({ description: "true: only changes shipped without a required approval." }),
  from: apiDayFilter.optional().meta({ description: "Shipped on or after this day (organisation's time zone)." }),
  to: apiDayFilter.optional().meta({ description: "Shipped on or before this day (inclusive)." }),
  failed: queryFlag.optional().meta({ description: "true: failed changes only; false: the others." }),
  q: z.string().max(200).optional().meta({ description: "Words in the title or repository, or an exact external id." }),
  ...pageQuery,
});

export const apiChangeSchema = z
  .object({
    id: z.number().int(),
    url: z.url().meta({ description: "The change's page in Faultline." }),
    source: z.string(),
    externalId: z.string().nullable(),
    externalUrl: z.string().nullable(),
    kind: z.enum(CHANGE_KINDS),
    title: z.string(),
    description: z.string(),
    service: namedRef,
    repository: z.string().nullable(),
    author: z.object({ email: z.string(), name: z.string(), githubLogin: z.string().nullable() }).nullable(),
    authorLevel: z.enum(LEVELS).nullable().meta({ description: "The author's level when the change was registered." }),
    aiAssisted: z.boolean(),
    aiTool: namedRef.nullable(),
    aiInvolvement: z.enum(AI_INVOLVEMENTS).nullable(),
    aiDetectedBy: z.string().nullable(),
    shippedAt: isoTimestamp.nullable(),
    rolledBackAt: isoTimestamp.nullable(),
    failed: z.boolean().meta({ description: "Trigger or root cause of an incident, or rolled back." }),
    approval: z.object({
      required: z.boolean(),
      state: z.enum(APPROVAL_STATES),
      decidedAt: isoTimestamp.nullable(),
      compliance: z.enum(["NOT_REQUIRED", "PENDING", "COMPLIANT", "VIOLATION"]),
    }),
    incidents: z.array(z.object({ id: z.number().int(), url: z.url(), role: z.enum(LINK_ROLES) })),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Change" });
export type ApiChange = z.infer<typeof apiChangeSchema>;

export const apiChangePageSchema = pageOf(apiChangeSchema, "ChangePage");

export const apiIngestResultSchema = z.object({
  index: z.number().int().meta({ description: "Position in the request's `changes`." }),
  id: z.number().int(),
  source: z.string(),
  externalId: z.string(),
  outcome: z.enum(["created", "updated", "unchanged"]),
  url: z.url(),
});

export const apiChangeBatchResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    results: z.array(apiIngestResultSchema),
  })
  .meta({ id: "ChangeBatchResult" });

export const apiChangeUpsertResultSchema = apiChangeSchema
  .extend({ outcome: z.enum(["created", "updated", "unchanged"]) })
  .meta({ id: "ChangeUpsertResult" });
