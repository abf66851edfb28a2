import { describe, expect, it } from "vitest";
import { agentsFromTrailers, trailerSummary } from "./trailers";

describe("agents from Co-authored-by trailers", () => {
  it("finds agents once each and ignores people", () => {
    const messages = [
      "Fix retry\n\nCo-authored-by: Claude <noreply@anthropic.com>\nCo-authored-by: Jane Roe <jane@example.com>",
      "More\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\nco-authored-by: Claude <noreply@anthropic.com>",
    ];
    expect(agentsFromTrailers(messages).map((a) => a.tool)).toEqual(["Claude Code", "GitHub Copilot"]);
  });

  it("is evidence without a share", () => {
    expect(trailerSummary(["Cursor Agent <cursoragent@cursor.com>"])).toMatchObject({
      source: "trailers",
      aiShare: null,
      agents: [{ tool: "Cursor", lines: null }],
    });
  });
});
