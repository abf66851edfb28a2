import { describe, expect, it } from "vitest";
import {
  detectAiAssistance,
  parseCoAuthors,
  tickedCheckboxes,
  toolNamedIn,
  type AiRule,
  type AiToolNames,
} from "./ai-detection";

const tools: AiToolNames[] = [
  { id: 1, name: "GitHub Copilot", aliases: ["copilot", "gh-copilot"] },
  { id: 2, name: "Claude Code", aliases: ["claude", "claude-code"] },
  { id: 3, name: "Amazon Q Developer", aliases: ["q", "amazon-q"] },
];
let nextId = 1;
const rule = (overrides: Partial<AiRule>): AiRule => ({
  id: nextId++,
  kind: "PR_LABEL",
  pattern: "ai-assisted",
  aiToolId: null,
  involvement: "CO_AUTHORED",
  position: 0,
  active: true,
  ...overrides,
});

describe("parseCoAuthors", () => {
  it("reads git trailers in any case, ignoring other lines", () => {
    const body =
      "Fix it\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\nco-authored-by: Jane Doe <jane@example.com>\nSigned-off-by: X <x@y>";
    expect(parseCoAuthors(body)).toEqual([
      { name: "Copilot", email: "175728472+Copilot@users.noreply.github.com" },
      { name: "Jane Doe", email: "jane@example.com" },
    ]);
  });
});

describe("tickedCheckboxes", () => {
  it("returns ticked task items and skips unticked ones and HTML comments", () => {
    const body = "- [x] Tests added\n* [X] AI assistance (Copilot)\n- [ ] Docs\n<!-- - [x] AI assistance -->";
    expect(tickedCheckboxes(body)).toEqual(["Tests added", "AI assistance (Copilot)"]);
  });
});

describe("toolNamedIn", () => {
  it("prefers the longest spelling and needs whole words for short aliases", () => {
    expect(toolNamedIn("claude-code <noreply@anthropic.com>", tools)?.id).toBe(2);
    expect(toolNamedIn("ai:copilot", tools)?.id).toBe(1);
    expect(toolNamedIn("quentin <quentin@example.com>", tools)).toBeNull();
    expect(toolNamedIn("amazon q", tools)?.id).toBe(3);
  });
});

describe("detectAiAssistance", () => {
  it("matches a label case-insensitively and stores the label", () => {
    const result = detectAiAssistance([rule({ pattern: "AI-Assisted", aiToolId: 1 })], tools, {
      labels: ["bug", "ai-assisted"],
      body: "",
    });
    expect(result).toMatchObject({ aiToolId: 1, involvement: "CO_AUTHORED", detectedBy: "label:ai-assisted" });
  });

  it("a prefix label rule takes the tool from the label", () => {
    const result = detectAiAssistance([rule({ pattern: "ai:*", involvement: "AGENT_AUTHORED" })], tools, {
      labels: ["ai:claude-code"],
      body: "",
    });
    expect(result).toMatchObject({ aiToolId: 2, involvement: "AGENT_AUTHORED", detectedBy: "label:ai:claude-code" });
  });

  it("a trailer rule matches the co-author's name or email and finds the tool by alias", () => {
    const facts = { labels: [], body: "Done.\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>" };
    expect(detectAiAssistance([rule({ kind: "COAUTHOR_TRAILER", pattern: "copilot" })], tools, facts)).toMatchObject({
      aiToolId: 1,
      detectedBy: "trailer:Copilot",
    });
    expect(detectAiAssistance([rule({ kind: "COAUTHOR_TRAILER", pattern: "*" })], tools, facts)).toMatchObject({
      aiToolId: 1,
    });
  });

  it("a wildcard trailer rule ignores human co-authors", () => {
    const facts = { labels: [], body: "Co-authored-by: Jane Doe <jane@example.com>" };
    expect(detectAiAssistance([rule({ kind: "COAUTHOR_TRAILER", pattern: "*" })], tools, facts)).toBeNull();
  });

  it("a checkbox rule needs the box ticked", () => {
    const checkbox = rule({ kind: "PR_CHECKBOX", pattern: "AI assistance", involvement: "SUGGESTED" });
    expect(detectAiAssistance([checkbox], tools, { labels: [], body: "- [ ] AI assistance used" })).toBeNull();
    expect(detectAiAssistance([checkbox], tools, { labels: [], body: "- [x] AI assistance used" })).toMatchObject({
      detectedBy: "checkbox:AI assistance",
      involvement: "SUGGESTED",
      aiToolId: null,
    });
  });

  it("the first active rule by position wins; inactive rules are skipped", () => {
    const facts = { labels: ["ai-assisted"], body: "- [x] AI assistance" };
    const rules = [
      rule({ kind: "PR_CHECKBOX", pattern: "AI assistance", position: 2 }),
      rule({ pattern: "ai-assisted", position: 1 }),
      rule({ pattern: "ai-assisted", position: 0, active: false }),
    ];
    expect(detectAiAssistance(rules, tools, facts)?.ruleId).toBe(rules[1].id);
  });

  it("nothing matches: no detection", () => {
    expect(detectAiAssistance([rule({})], tools, { labels: ["ai"], body: "" })).toBeNull();
  });
});
