import { z } from "zod";
import { AI_SHARE_BANDS } from "@/lib/domain/attribution/ai-share";
import { MAX_NOTE_CHARS } from "@/lib/domain/attribution/git-ai-note";
import { ATTRIBUTION_SOURCES } from "@/lib/domain/attribution/summary";

/** Largest count Faultline stores (a PostgreSQL integer). */
export const MAX_STORED_LINES = 2_147_483_647;
/** Largest request body the attribution endpoint reads, in bytes. */
export const MAX_ATTRIBUTION_BODY_BYTES = 4_000_000;

const jsonObject = (what: string) => z.record(z.string(), z.unknown(), { error: `Send the ${what} as a JSON object.` });

const common = {
  commitSha: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/i, "A commit SHA: 7–64 hexadecimal characters.")
    .optional()
    .meta({ description: "The commit the evidence describes." }),
  totalLines: z
    .number()
    .int()
    .min(0)
    .max(MAX_STORED_LINES)
    .optional()
    .meta({ description: "Lines the commit added (git diff --numstat); the AI share's denominator when larger." }),
  coAuthors: z
    .array(z.string().max(320))
    .max(50)
    .optional()
    .meta({ description: "`Co-authored-by:` values of the commit(s), e.g. “Claude <noreply@anthropic.com>”." }),
};

/** Evidence of who wrote a change's lines, in one of the formats agents leave behind. */
export const apiAttributionInputSchema = z
  .discriminatedUnion(
    "format",
    [
      z.strictObject({
        format: z.literal("git-ai"),
        note: z
          .string()
          .min(1, "Send the note's text.")
          .max(MAX_NOTE_CHARS, `At most ${MAX_NOTE_CHARS.toLocaleString("en")} characters.`)
          .meta({
            description: "`git notes --ref=ai show <sha>` output (authorship/3.0.0) or an authorship/0.0.1 blob.",
          }),
        ...common,
      }),
      z.strictObject({ format: z.literal("agent-trace"), record: jsonObject("Agent Trace record"), ...common }),
      z.strictObject({
        format: z.literal("entire"),
        checkpoint: jsonObject("checkpoint's session metadata"),
        ...common,
      }),
      z.strictObject({
        format: z.literal("trailers"),
        coAuthors: common.coAuthors.unwrap().min(1, "List at least one co-author."),
        commitSha: common.commitSha,
      }),
    ],
    { error: "Set format to git-ai, agent-trace, entire or trailers." },
  )
  .meta({ id: "AttributionInput" });
export type ApiAttributionInput = z.infer<typeof apiAttributionInputSchema>;

export const apiAttributionSchema = z
  .object({
    changeId: z.number().int(),
    source: z.enum(ATTRIBUTION_SOURCES),
    schemaVersion: z.string(),
    commitSha: z.string().nullable(),
    aiLines: z.number().int(),
    humanLines: z.number().int(),
    totalLines: z.number().int(),
    aiShare: z.number().nullable().meta({ description: "0–1; null when the evidence covers no line." }),
    band: z.enum(AI_SHARE_BANDS).nullable(),
    agents: z.array(z.object({ tool: z.string(), model: z.string().nullable(), lines: z.number().int().nullable() })),
    coAuthors: z.array(z.string()),
    declaredAiAssisted: z.boolean(),
    aiAssisted: z.boolean().meta({ description: "What the change counts as now." }),
    mismatch: z
      .boolean()
      .meta({ description: "Evidence above the policy's threshold on a change declared not AI-assisted." }),
    thresholdApplied: z.number(),
    recordedAt: z.string(),
  })
  .meta({ id: "Attribution" });
export type ApiAttribution = z.infer<typeof apiAttributionSchema>;
