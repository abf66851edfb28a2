// One entry point for every evidence format the API accepts.
import { parseAgentTrace } from "./agent-trace";
import { parseEntireCheckpoint } from "./entire-checkpoint";
import { parseGitAiNote } from "./git-ai-note";
import type { AttributionSummary } from "./summary";
import { trailerSummary } from "./trailers";

export type EvidenceInput =
  | { format: "git-ai"; note: string }
  | { format: "agent-trace"; record: unknown }
  | { format: "entire"; checkpoint: unknown }
  | { format: "trailers"; coAuthors: string[] };

/** Throws AttributionError (→ 422) when the evidence is not what it claims to be. */
export function parseEvidence(input: EvidenceInput, declaredTotal: number | null): AttributionSummary {
  switch (input.format) {
    case "git-ai":
      return parseGitAiNote(input.note, declaredTotal);
    case "agent-trace":
      return parseAgentTrace(input.record, declaredTotal);
    case "entire":
      return parseEntireCheckpoint(input.checkpoint, declaredTotal);
    case "trailers":
      return trailerSummary(input.coAuthors);
  }
}
