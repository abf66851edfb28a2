// Entire checkpoints (entireio/cli): the session metadata.json of a checkpoint carries
// `agent`, `model` and `initial_attribution` with line counts measured at commit time.
import { z } from "zod";
import { AttributionError } from "./attribution-error";
import { MAX_LINE } from "./line-ranges";
import { withShare, toolDisplayName, type AttributionSummary } from "./summary";

/** metric_version values whose counts mean what this parser assumes (absent = the first). */
export const ENTIRE_METRIC_VERSIONS = [1, 2] as const;

const count = z.number().int().min(0).max(MAX_LINE);
const sessionSchema = z.looseObject({
  checkpoint_id: z.string().max(100).optional(),
  agent: z.string().max(200).optional(),
  model: z.string().max(250).optional(),
  initial_attribution: z.looseObject({
    agent_lines: count,
    human_added: count.default(0),
    human_modified: count.default(0),
    total_committed: count.optional(),
    agent_percentage: z.number().min(0).max(100).optional(),
    metric_version: z.number().optional(),
  }),
});

export function parseEntireCheckpoint(value: unknown, declaredTotal: number | null = null): AttributionSummary {
  const metric = (value as { initial_attribution?: { metric_version?: unknown } } | null)?.initial_attribution
    ?.metric_version;
  if (metric !== undefined && !(ENTIRE_METRIC_VERSIONS as readonly unknown[]).includes(metric)) {
    throw new AttributionError(
      `Unsupported Entire attribution metric_version “${String(metric).slice(0, 40)}”: this server reads ${ENTIRE_METRIC_VERSIONS.join(", ")}.`,
    );
  }
  const parsed = sessionSchema.safeParse(value);
  if (!parsed.success) {
    throw new AttributionError(
      `Not an Entire checkpoint's session metadata: ${parsed.error.issues[0].path.join(".") || "root"} is wrong or missing.`,
    );
  }
  const { agent, model, initial_attribution: counts } = parsed.data;
  const humanLines = counts.human_added + counts.human_modified;
  const total = Math.max(counts.total_committed ?? 0, declaredTotal ?? 0);
  return withShare(
    {
      source: "entire",
      schemaVersion: `metric/${counts.metric_version ?? 1}`,
      aiLines: counts.agent_lines,
      humanLines,
      agents:
        counts.agent_lines > 0 || agent
          ? [{ tool: toolDisplayName(agent ?? "unknown"), model: model ?? null, lines: counts.agent_lines }]
          : [],
      files: 0,
    },
    total || null,
  );
}
