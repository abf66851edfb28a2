// What every evidence format boils down to: lines an agent wrote, lines a known human wrote,
// the lines of the change, and which agents and models took part.
import { countLines, mergeIntervals, subtractIntervals, type Interval } from "./line-ranges";

export const ATTRIBUTION_SOURCES = ["git-ai", "agent-trace", "entire", "trailers"] as const;
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number];
export const ATTRIBUTION_SOURCE_LABELS: Record<AttributionSource, string> = {
  "git-ai": "git-ai authorship note",
  "agent-trace": "Agent Trace record",
  entire: "Entire checkpoint",
  trailers: "Co-authored-by trailers (no line counts)",
};

export type AgentUse = { tool: string; model: string | null; lines: number | null };

export type AttributionSummary = {
  source: AttributionSource;
  schemaVersion: string;
  aiLines: number;
  humanLines: number;
  /** Lines of the change the evidence speaks about (at least ai + human). */
  totalLines: number;
  /** aiLines ÷ totalLines, 0–1; null when the evidence covers no line at all. */
  aiShare: number | null;
  agents: AgentUse[];
  files: number;
};

const TOOL_NAMES: Record<string, string> = {
  claude: "Claude Code",
  "claude-code": "Claude Code",
  cursor: "Cursor",
  copilot: "GitHub Copilot",
  copilot_cli: "GitHub Copilot",
  "github-copilot": "GitHub Copilot",
  codex: "Codex",
  gemini: "Gemini CLI",
  windsurf: "Windsurf",
  amp: "Amp",
  droid: "Droid",
  opencode: "OpenCode",
  kiro: "Kiro",
  "amazon-q": "Amazon Q Developer",
  aider: "Aider",
};

/** A tool id as the evidence spells it (`claude`, `copilot_cli`) → the name people know. */
export function toolDisplayName(tool: string): string {
  const key = tool.trim().toLowerCase();
  return TOOL_NAMES[key] ?? (tool.trim().slice(0, 100) || "Unknown agent");
}

/** Collects attributed intervals per file and per agent; counts them once, merged. */
export class LineLedger {
  private readonly ai = new Map<string, Interval[]>();
  private readonly human = new Map<string, Interval[]>();
  private readonly agents = new Map<string, { tool: string; model: string | null; perFile: Map<string, Interval[]> }>();

  addAi(file: string, ranges: Interval[], agent: { tool: string; model: string | null }): void {
    push(this.ai, file, ranges);
    const tool = toolDisplayName(agent.tool);
    const key = `${tool}\u0000${agent.model ?? ""}`;
    const entry = this.agents.get(key) ?? { tool, model: agent.model, perFile: new Map() };
    push(entry.perFile, file, ranges);
    this.agents.set(key, entry);
  }

  addHuman(file: string, ranges: Interval[]): void {
    push(this.human, file, ranges);
  }

  /** A line claimed by an agent and by a person counts once, as the agent's. */
  summarise(source: AttributionSource, schemaVersion: string, declaredTotal: number | null): AttributionSummary {
    let aiLines = 0;
    let humanLines = 0;
    const files = new Set([...this.ai.keys(), ...this.human.keys()]);
    for (const file of files) {
      const ai = mergeIntervals(this.ai.get(file) ?? []);
      aiLines += countLines(ai);
      humanLines += countLines(subtractIntervals(mergeIntervals(this.human.get(file) ?? []), ai));
    }
    const agents = [...this.agents.values()]
      .map(({ tool, model, perFile }) => ({
        tool,
        model,
        lines: [...perFile.values()].reduce((sum, ranges) => sum + countLines(mergeIntervals(ranges)), 0),
      }))
      .sort((a, b) => b.lines - a.lines || a.tool.localeCompare(b.tool));
    return withShare({ source, schemaVersion, aiLines, humanLines, agents, files: files.size }, declaredTotal);
  }
}

function push(map: Map<string, Interval[]>, file: string, ranges: Interval[]) {
  const list = map.get(file);
  if (list) list.push(...ranges);
  else map.set(file, [...ranges]);
}

/** Adds totalLines and aiShare: the declared total (from the diff) when it is the larger. */
export function withShare(
  counts: Omit<AttributionSummary, "totalLines" | "aiShare">,
  declaredTotal: number | null,
): AttributionSummary {
  const totalLines = Math.max(declaredTotal ?? 0, counts.aiLines + counts.humanLines);
  return { ...counts, totalLines, aiShare: totalLines === 0 ? null : counts.aiLines / totalLines };
}
