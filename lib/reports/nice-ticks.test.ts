import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it("puts percentage axes on round values, not 0/35/69 %", () => {
    expect(niceTicks(69)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(50)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(45, { intervals: 2 })).toEqual([0, 25, 50]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(10)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it("keeps counts whole", () => {
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1234, { integer: true })).toEqual([0, 500, 1000, 1500]);
  });

  it("has a usable axis for empty or broken data", () => {
    expect(niceTicks(0, { integer: true })).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-5, { integer: true })).toEqual([0, 1]);
  });

  it("always covers the maximum with at most the asked intervals", () => {
    for (let max = 0.3; max < 5000; max *= 1.37) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max - 1e-9);
      expect(ticks.length - 1).toBeLessThanOrEqual(4);
    }
  });
});
