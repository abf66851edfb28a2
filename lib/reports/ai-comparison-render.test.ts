import { describe, expect, it } from "vitest";
import { buildAiComparison } from "@/lib/domain/ai-comparison";
import { aiComparisonCsv, aiComparisonMarkdownLines } from "./ai-comparison-render";

const comparison = buildAiComparison({
  weeks: 12,
  ai: { failed: 40, total: 200 },
  other: { failed: 20, total: 200 },
  strata: [{ ai: { failed: 40, total: 200 }, other: { failed: 20, total: 200 } }],
  bands: [{ key: "HIGH", failed: 1, total: 4 }],
  involvements: [{ key: "AGENT_AUTHORED", failed: 30, total: 120 }],
  mismatches: 3,
});

describe("AI comparison renderers", () => {
  it("puts the sentence first in Markdown, with intervals and 'not enough data'", () => {
    const lines = aiComparisonMarkdownLines(comparison);
    expect(lines.slice(0, 3)).toEqual(["## Are AI-assisted changes riskier?", "", comparison.sentence]);
    expect(lines).toContain("| AI-assisted | 200 | 40 | 20.0 % | 15.0 % – 26.1 % |");
    expect(lines).toContain("| AI share > 60 % | 4 | 1 | not enough data |  |");
    expect(lines.join("\n")).toContain("Changes whose attribution evidence contradicts what was declared: 3");
  });

  it("writes the same numbers to CSV, unrounded", () => {
    const [header, ...rows] = aiComparisonCsv(comparison).trim().split("\n");
    expect(header).toBe("measure,group,shipped,failed,value,ci_lower,ci_upper,enough_data");
    expect(rows[0]).toBe(
      `failure_rate,AI-assisted,200,40,0.2,${comparison.ai.ci!.lower},${comparison.ai.ci!.upper},true`,
    );
    expect(rows.at(-2)).toBe(
      `relative_risk,AI-assisted vs other,400,60,2,${comparison.crude!.ci.lower},${comparison.crude!.ci.upper},true`,
    );
    expect(rows).toContain("failure_rate,AI share > 60 %,4,1,,,,false");
  });
});
