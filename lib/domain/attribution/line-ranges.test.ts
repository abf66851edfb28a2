import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aiShareBand, evidenceVerdict, formatShare } from "./ai-share";
import { countLines, mergeIntervals, parseRangeList, subtractIntervals, type Interval } from "./line-ranges";

const expand = (ranges: Interval[]) => {
  const lines = new Set<number>();
  for (const { start, end } of ranges) for (let line = start; line <= end; line++) lines.add(line);
  return lines;
};
const smallIntervals = fc.array(
  fc
    .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 15 }))
    .map(([start, length]) => ({ start, end: start + length })),
  { maxLength: 12 },
);

describe("interval arithmetic", () => {
  it("parses git-ai's range syntax", () => {
    expect(parseRangeList("1,2,19-222,300", "t")).toEqual([
      { start: 1, end: 1 },
      { start: 2, end: 2 },
      { start: 19, end: 222 },
      { start: 300, end: 300 },
    ]);
  });

  it("merging keeps exactly the same lines (checked against expansion on small inputs)", () => {
    fc.assert(
      fc.property(smallIntervals, (ranges) => {
        const merged = mergeIntervals(ranges);
        expect(countLines(merged)).toBe(expand(ranges).size);
        merged.slice(1).forEach((range, i) => expect(range.start).toBeGreaterThan(merged[i].end + 1));
      }),
    );
  });

  it("subtraction removes exactly the other side's lines", () => {
    fc.assert(
      fc.property(smallIntervals, smallIntervals, (a, b) => {
        const left = expand(a);
        for (const line of expand(b)) left.delete(line);
        expect(countLines(subtractIntervals(mergeIntervals(a), mergeIntervals(b)))).toBe(left.size);
      }),
    );
  });
});

describe("AI share bands and the evidence policy", () => {
  it.each([
    [null, null],
    [0, "NONE"],
    [0.001, "LOW"],
    [0.2, "LOW"],
    [0.2001, "MID"],
    [0.6, "MID"],
    [0.61, "HIGH"],
    [1, "HIGH"],
  ] as const)("share %s is band %s", (share, band) => {
    expect(aiShareBand(share)).toBe(band);
  });

  it("only evidence strictly above the threshold flips a change, and only upwards", () => {
    expect(evidenceVerdict(false, 0.2, 0.2)).toEqual({ aiAssisted: false, mismatch: false });
    expect(evidenceVerdict(false, 0.21, 0.2)).toEqual({ aiAssisted: true, mismatch: true });
    expect(evidenceVerdict(true, 0.9, 0.2)).toEqual({ aiAssisted: true, mismatch: false });
    expect(evidenceVerdict(true, 0, 0.2)).toEqual({ aiAssisted: true, mismatch: false });
    expect(evidenceVerdict(false, null, 0)).toEqual({ aiAssisted: false, mismatch: false });
  });

  it("formats shares for people", () => {
    expect([formatShare(null), formatShare(0), formatShare(0.004), formatShare(0.805)]).toEqual([
      "no lines",
      "0 %",
      "< 1 %",
      "81 %",
    ]);
  });
});
