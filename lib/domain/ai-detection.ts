// Deciding from a pull request's facts whether a change was AI-assisted. The rules are data
// an admin edits (AiDetectionRule); the first active rule that matches, by position, wins
// and is stored on the change as `aiDetectedBy` (e.g. "label:ai-assisted").
import type { AiInvolvement } from "./change";

export const AI_RULE_KINDS = ["PR_LABEL", "COAUTHOR_TRAILER", "PR_CHECKBOX"] as const;
export type AiRuleKind = (typeof AI_RULE_KINDS)[number];
export const AI_RULE_KIND_LABELS: Record<AiRuleKind, string> = {
  PR_LABEL: "Pull request label",
  COAUTHOR_TRAILER: "Co-authored-by trailer",
  PR_CHECKBOX: "Ticked checkbox in the PR body",
};

export type AiRule = {
  id: number;
  kind: AiRuleKind;
  pattern: string;
  aiToolId: number | null;
  involvement: AiInvolvement;
  position: number;
  active: boolean;
};
export type AiToolNames = { id: number; name: string; aliases: string[] };
/** What a pull request tells us: its labels and texts that may carry trailers or checkboxes. */
export type PullRequestFacts = { labels: string[]; body: string; commitMessages?: string[] };
export type AiDetection = { ruleId: number; aiToolId: number | null; involvement: AiInvolvement; detectedBy: string };

export type CoAuthor = { name: string; email: string };

const normalise = (text: string) => text.trim().toLowerCase();

/** `Co-authored-by: Name <email>` lines (git's trailer syntax, case-insensitive key). */
export function parseCoAuthors(text: string): CoAuthor[] {
  const authors: CoAuthor[] = [];
  for (const match of text.matchAll(/^[ \t]*co-authored-by:[ \t]*(.*?)[ \t]*<([^>\n]*)>[ \t]*$/gim)) {
    authors.push({ name: match[1].trim(), email: match[2].trim() });
  }
  return authors;
}

/** Texts of ticked Markdown task-list items (`- [x] text`), outside HTML comments. */
export function tickedCheckboxes(markdown: string): string[] {
  const visible = markdown.replace(/<!--[\s\S]*?-->/g, "");
  return [...visible.matchAll(/^[ \t]*[-*+][ \t]+\[[xX]\][ \t]+(.+?)[ \t]*$/gm)].map((match) => match[1]);
}

/** A label pattern is a label name; a trailing `*` makes it a prefix (`ai:*` matches `ai:copilot`). */
function labelMatches(pattern: string, label: string): boolean {
  const wanted = normalise(pattern);
  const name = normalise(label);
  return wanted.endsWith("*") ? name.startsWith(wanted.slice(0, -1)) : name === wanted;
}

/** The AI tool a free text names (a trailer's name or email, a label's suffix), by name or alias. */
export function toolNamedIn(text: string, tools: AiToolNames[]): AiToolNames | null {
  const haystack = normalise(text);
  const words = new Set(haystack.split(/[^a-z0-9]+/).filter(Boolean));
  const candidates = tools.flatMap((tool) =>
    [tool.name, ...tool.aliases].map((name) => ({ tool, name: normalise(name) })),
  );
  // Longest spelling first, so "claude-code" wins over "claude" and "gh-copilot" over "copilot".
  candidates.sort((a, b) => b.name.length - a.name.length);
  const hit = candidates.find(({ name }) => (name.length <= 2 ? words.has(name) : haystack.includes(name)));
  return hit?.tool ?? null;
}

function matchRule(
  rule: AiRule,
  facts: PullRequestFacts,
  tools: AiToolNames[],
): { detectedBy: string; tool: AiToolNames | null } | null {
  const pattern = rule.pattern.trim();
  if (!pattern) return null;
  if (rule.kind === "PR_LABEL") {
    const label = facts.labels.find((name) => labelMatches(pattern, name));
    return label ? { detectedBy: `label:${label}`, tool: toolNamedIn(label, tools) } : null;
  }
  if (rule.kind === "COAUTHOR_TRAILER") {
    const texts = [facts.body, ...(facts.commitMessages ?? [])];
    const wanted = normalise(pattern);
    for (const author of texts.flatMap(parseCoAuthors)) {
      const who = `${author.name} <${author.email}>`;
      // "*" means: any co-author whose name or email names a known AI tool.
      const tool = toolNamedIn(who, tools);
      if (wanted === "*" ? tool !== null : normalise(who).includes(wanted))
        return { detectedBy: `trailer:${author.name || author.email}`, tool };
    }
    return null;
  }
  const wanted = normalise(pattern);
  const ticked = tickedCheckboxes(facts.body).find((text) => normalise(text).includes(wanted));
  return ticked ? { detectedBy: `checkbox:${pattern}`, tool: toolNamedIn(ticked, tools) } : null;
}

/**
 * The first active rule (ascending position, then id) that matches the pull request, with
 * the tool it names: the rule's own tool, else the tool the matched text names, else none.
 */
export function detectAiAssistance(rules: AiRule[], tools: AiToolNames[], facts: PullRequestFacts): AiDetection | null {
  const ordered = rules.filter((rule) => rule.active).sort((a, b) => a.position - b.position || a.id - b.id);
  for (const rule of ordered) {
    const match = matchRule(rule, facts, tools);
    if (match)
      return {
        ruleId: rule.id,
        aiToolId: rule.aiToolId ?? match.tool?.id ?? null,
        involvement: rule.involvement,
        detectedBy: match.detectedBy.slice(0, 200),
      };
  }
  return null;
}

/** Rules a fresh organisation starts with (inserted with its first GitHub integration). */
export const DEFAULT_AI_RULES: Array<Pick<AiRule, "kind" | "pattern" | "involvement">> = [
  { kind: "PR_LABEL", pattern: "ai-assisted", involvement: "CO_AUTHORED" },
  { kind: "PR_LABEL", pattern: "ai:*", involvement: "CO_AUTHORED" },
  { kind: "COAUTHOR_TRAILER", pattern: "*", involvement: "CO_AUTHORED" },
  { kind: "PR_CHECKBOX", pattern: "AI assistance", involvement: "SUGGESTED" },
];
