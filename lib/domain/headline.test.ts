import { describe, expect, it } from "vitest";
import { headlineOfCounts, headlineOfRatios } from "./headline";

describe("headline numbers", () => {
  it("compares this week with last week and the four weeks before it", () => {
    expect(headlineOfCounts([9, 2, 4, 6, 8, 10])).toEqual({
      current: 10,
      previous: 8,
      fourWeekAverage: 5,
      trend: "up",
    });
    expect(headlineOfCounts([3, 3])).toEqual({ current: 3, previous: 3, fourWeekAverage: 3, trend: "flat" });
    expect(headlineOfCounts([])).toEqual({ current: null, previous: null, fourWeekAverage: null, trend: "none" });
  });
  it("pools ratios over the four weeks", () => {
    const h = headlineOfRatios([
      { num: 1, den: 10 },
      { num: 0, den: 0 },
      { num: 3, den: 10 },
      { num: 0, den: 20 },
      { num: 1, den: 4 },
    ]);
    expect(h.current).toBe(0.25);
    expect(h.previous).toBe(0);
    expect(h.fourWeekAverage).toBeCloseTo(4 / 40);
    expect(h.trend).toBe("up");
  });
  it("has no value for a week without a denominator", () => {
    expect(
      headlineOfRatios([
        { num: 1, den: 2 },
        { num: 0, den: 0 },
      ]),
    ).toMatchObject({ current: null, trend: "none" });
  });
});

it("skips weeks without a value in the average", () => {
  expect(headlineOfCounts([2, null, 4, null, 5])).toEqual({
    current: 5,
    previous: null,
    fourWeekAverage: 3,
    trend: "none",
  });
});
