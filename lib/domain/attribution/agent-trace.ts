// Agent Trace records (agent-trace.dev, specification 0.1): files → conversations → line
// ranges, each with a contributor type (ai | human | mixed | unknown) and a model id.
import { z } from "zod";
import { AttributionError } from "./attribution-error";
import { interval, MAX_RANGE_TOKENS } from "./line-ranges";
import { LineLedger, type AttributionSummary } from "./summary";

/** Versions of the specification this parser follows (the spec writes "0.1.0", its schema "0.1"). */
export const AGENT_TRACE_VERSIONS = ["0.1", "0.1.0"] as const;

const contributor = z.looseObject({
  type: z.enum(["human", "ai", "mixed", "unknown"]),
  model_id: z.string().max(250).optional(),
});
const range = z.looseObject({
  start_line: z.number().int(),
  end_line: z.number().int(),
  contributor: contributor.optional(),
});
const recordSchema = z.looseObject({
  version: z.string(),
  id: z.string().max(100),
  timestamp: z.string().max(100),
  vcs: z.looseObject({ type: z.enum(["git", "jj", "hg", "svn"]), revision: z.string().min(1).max(200) }).optional(),
  tool: z.looseObject({ name: z.string().max(200).optional(), version: z.string().max(100).optional() }).optional(),
  files: z
    .array(
      z.looseObject({
        path: z.string().max(1000),
        conversations: z
          .array(z.looseObject({ contributor: contributor.optional(), ranges: z.array(range) }))
          .max(1000),
      }),
    )
    .max(20_000),
});

/**
 * `mixed` (human-edited AI output) counts as the agent's: the agent had a hand in the line.
 * `unknown` counts for neither side.
 */
export function parseAgentTrace(value: unknown, declaredTotal: number | null = null): AttributionSummary {
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === "string" && !(AGENT_TRACE_VERSIONS as readonly string[]).includes(version)) {
    throw new AttributionError(
      `Unsupported Agent Trace version “${version.slice(0, 100)}”: this server reads ${AGENT_TRACE_VERSIONS.join(" / ")}.`,
    );
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    throw new AttributionError(
      `Not an Agent Trace record: ${parsed.error.issues[0].path.join(".") || "root"} is wrong or missing.`,
    );
  }
  const record = parsed.data;
  const tool = record.tool?.name ?? "unknown";
  const ledger = new LineLedger();
  let tokens = 0;
  for (const file of record.files) {
    for (const conversation of file.conversations) {
      tokens += conversation.ranges.length;
      if (tokens > MAX_RANGE_TOKENS) throw new AttributionError("The record lists too many line ranges.");
      for (const item of conversation.ranges) {
        const who = item.contributor ?? conversation.contributor ?? { type: "unknown" as const };
        const lines = [interval(item.start_line, item.end_line, file.path)];
        if (who.type === "ai" || who.type === "mixed")
          ledger.addAi(file.path, lines, { tool, model: who.model_id ?? null });
        else if (who.type === "human") ledger.addHuman(file.path, lines);
      }
    }
  }
  return ledger.summarise("agent-trace", record.version, declaredTotal);
}
