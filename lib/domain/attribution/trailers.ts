// `Co-authored-by:` trailers that agents add to commits. They say an agent took part, not how
// many lines it wrote: evidence without a share, which never flips a change on its own.
import { parseCoAuthors } from "../ai-detection";
import { toolDisplayName, type AgentUse, type AttributionSummary } from "./summary";

/** Names and mail domains agents sign with (Claude, Copilot, Cursor, Aider, Codex, Gemini …). */
const AGENT_SIGNATURES: [RegExp, string][] = [
  [/claude|anthropic\.com/i, "claude"],
  [/copilot/i, "copilot"],
  [/cursor/i, "cursor"],
  [/aider/i, "aider"],
  [/codex|openai\.com/i, "codex"],
  [/gemini|google-labs-jules/i, "gemini"],
  [/windsurf|codeium/i, "windsurf"],
  [/devin|cognition/i, "Devin"],
  [/amazon ?q|kiro/i, "kiro"],
];

/** The agents among `Co-authored-by:` trailers in the given commit messages, once each. */
export function agentsFromTrailers(messages: readonly string[]): AgentUse[] {
  const found = new Map<string, AgentUse>();
  for (const message of messages) {
    for (const author of parseCoAuthors(message)) {
      const match = AGENT_SIGNATURES.find(([pattern]) => pattern.test(`${author.name} <${author.email}>`));
      if (!match) continue;
      const tool = toolDisplayName(match[1]);
      found.set(tool, { tool, model: null, lines: null });
    }
  }
  return [...found.values()];
}

export function trailerSummary(coAuthors: readonly string[]): AttributionSummary {
  const agents = agentsFromTrailers(coAuthors.map((line) => `Co-authored-by: ${line}`));
  return {
    source: "trailers",
    schemaVersion: "git-trailer",
    aiLines: 0,
    humanLines: 0,
    totalLines: 0,
    aiShare: null,
    agents,
    files: 0,
  };
}
