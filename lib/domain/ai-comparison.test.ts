import { describe, expect, it } from "vitest";
import { buildAiComparison, type AiComparisonCounts } from "./ai-comparison";

const counts = (
  ai: [number, number],
  other: [number, number],
  strata?: AiComparisonCounts["strata"],
): AiComparisonCounts => ({
  weeks: 12,
  ai: { failed: ai[0], total: ai[1] },
  other: { failed: other[0], total: other[1] },
  strata: strata ?? [{ ai: { failed: ai[0], total: ai[1] }, other: { failed: other[0], total: other[1] } }],
  bands: [
    { key: "NO_EVIDENCE", failed: 3, total: 40 },
    { key: "HIGH", failed: 1, total: 4 },
  ],
  involvements: [{ key: "AGENT_AUTHORED", failed: 2, total: 10 }],
  mismatches: 2,
});

describe("the comparison sentence", () => {
  it("reports a clear excess with both intervals", () => {
    const result = buildAiComparison(counts([40, 200], [20, 200]));
    expect(result.verdict).toBe("HIGHER");
    expect(result.sentence).toBe(
      "Over the last 12 weeks, AI-assisted changes failed 2.0× as often as others (95 % CI 1.2–3.3; 2.0× after accounting for service tier and change kind, CI 1.2–3.3).",
    );
  });

  it("says 'no clear difference' when the interval spans 1", () => {
    const result = buildAiComparison(counts([12, 100], [10, 100]));
    expect(result.verdict).toBe("NO_CLEAR_DIFFERENCE");
    expect(result.sentence).toMatch(
      /^Over the last 12 weeks, there is no clear difference .* \(relative risk 1\.2, 95 % CI 0\.54–2\.6;/,
    );
  });

  it("says 'less often' for a clear deficit", () => {
    expect(buildAiComparison(counts([10, 300], [40, 300])).sentence).toMatch(
      /failed less often than others: 0\.25× their rate \(95 % CI/,
    );
  });

  it("says 'not enough data' below the minimum and gives no ratio", () => {
    const result = buildAiComparison(counts([4, 100], [30, 100]));
    expect(result).toMatchObject({ verdict: "NOT_ENOUGH_DATA", crude: null, adjusted: null });
    expect(result.sentence).toBe(
      "Over the last 12 weeks, there is not enough data to compare AI-assisted and other changes (each group needs at least 30 shipped changes and 5 failures; AI-assisted: 100 shipped, 4 failed; others: 100 shipped, 30 failed).",
    );
  });

  it("does not hide a reversal after adjustment (Simpson's paradox, kidney-stone data)", () => {
    const result = buildAiComparison(
      counts(
        [77, 350],
        [61, 350],
        [
          { ai: { failed: 6, total: 87 }, other: { failed: 36, total: 270 } },
          { ai: { failed: 71, total: 263 }, other: { failed: 25, total: 80 } },
        ],
      ),
    );
    expect(result.crude!.rr).toBeGreaterThan(1);
    expect(result.adjusted!.rr).toBeLessThan(1);
    expect(result.verdict).toBe("NO_CLEAR_DIFFERENCE");
    expect(result.sentence).toContain(
      "; but 0.76× after accounting for service tier and change kind (CI 0.53–1.1), the other way round: no clear difference once the mix of services and change kinds is taken into account).",
    );
  });

  it("labels bands and involvements, each with its own 'enough data' flag", () => {
    const result = buildAiComparison(counts([40, 200], [20, 200]));
    expect(result.bands.map((b) => [b.label, b.enoughData])).toEqual([
      ["no evidence", false],
      ["> 60 %", false],
    ]);
    expect(result.involvements[0]).toMatchObject({ label: "Agent-authored", failed: 2, total: 10 });
    expect(result.mismatches).toBe(2);
  });
});
