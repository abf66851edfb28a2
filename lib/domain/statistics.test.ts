import { describe, expect, it } from "vitest";
import { failureRate, mantelHaenszelRisk, relativeRisk, wilsonInterval } from "./statistics";

const round = (value: number, digits: number) => Number(value.toFixed(digits));

describe("Wilson score interval", () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Stat Med 1998;17:857–872, Table I (the illustrative intervals), method 3
  // (score, no continuity correction). SciPy 1.17 agrees to 4 decimals:
  // scipy.stats.binomtest(81, 263).proportion_ci(0.95, method="wilson") → 0.25529, 0.36621.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i → %f to %f (Newcombe 1998)", (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n)!;
    expect(round(ci.lower, 4)).toBe(lower);
    expect(round(ci.upper, 4)).toBe(upper);
  });

  it("stays inside [0, 1] and has no interval for an empty group", () => {
    expect(wilsonInterval(20, 20)!.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(failureRate(0, 0)).toMatchObject({ rate: null, ci: null, enoughData: false });
  });

  it("says 'not enough data' below 30 changes or 5 failures", () => {
    expect(failureRate(4, 400).enoughData).toBe(false);
    expect(failureRate(5, 29).enoughData).toBe(false);
    expect(failureRate(5, 30).enoughData).toBe(true);
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

// University Group Diabetes Program, tolbutamide vs placebo, deaths by age stratum: Table 15-1
// of Rothman KJ, Greenland S, Lash TL. Modern Epidemiology, 3rd ed. 2008, ch. 15 (Greenland &
// Rothman, "Introduction to stratified analysis"). The chapter gives 90 % limits: crude RR 1.44;
// Mantel–Haenszel RR 1.33, 90 % CI 0.87–2.0 (Greenland–Robins variance). R's metafor reproduces
// the chapter in its test suite (tests/testthat/test_analysis_example_rothman2008.r:
// rma.mh(measure = "RR", level = 90) → 1.33, 0.87, 2.03). An earlier version of this comment
// quoted "95 % CI 0.80–2.2" as the book's; that is the same variance at z = 1.96, not a printed value.
const ugdp = [
  { a: 8, n1: 106, c: 5, n0: 120 }, // age < 55
  { a: 22, n1: 98, c: 16, n0: 85 }, // age ≥ 55
];

describe("relative risk with Katz's log interval", () => {
  it("reproduces the UGDP crude risk ratio", () => {
    const crude = relativeRisk({ a: 30, n1: 204, c: 21, n0: 205 })!;
    expect(round(crude.rr, 2)).toBe(1.44);
    // SE(ln RR) = √(1/30 − 1/204 + 1/21 − 1/205) = 0.26678; 1.4356 · e^(±1.95996·0.26678).
    expect(round(crude.ci.lower, 3)).toBe(0.851);
    expect(round(crude.ci.upper, 2)).toBe(2.42);
    // SciPy 1.17: scipy.stats.contingency.relative_risk(30, 204, 21, 205).confidence_interval(0.95)
    // → 0.85102, 2.42165 (the same Katz log method).
    expect(crude.ci.lower).toBeCloseTo(0.85102, 5);
    expect(crude.ci.upper).toBeCloseTo(2.42165, 5);
  });

  it("has no ratio when a group has no failures", () => {
    expect(relativeRisk({ a: 0, n1: 50, c: 3, n0: 60 })).toBeNull();
  });
});

describe("Mantel–Haenszel relative risk (Greenland–Robins variance)", () => {
  it("reproduces Rothman's UGDP example: 1.33, 90 % CI 0.87–2.03 (metafor rma.mh)", () => {
    const at90 = mantelHaenszelRisk(ugdp, 0.9)!;
    expect(round(at90.rr, 2)).toBe(1.33);
    expect(round(at90.ci.lower, 2)).toBe(0.87);
    expect(round(at90.ci.upper, 2)).toBe(2.03);
  });

  it("gives the 95 % interval from the same Greenland–Robins variance: 0.80–2.20", () => {
    // SE(ln RR_MH) = 0.25898, so 1.3256 · e^(±1.95996·0.25898).
    const pooled = mantelHaenszelRisk(ugdp)!;
    expect(round(pooled.rr, 4)).toBe(1.3256);
    expect(round(pooled.ci.lower, 2)).toBe(0.8);
    expect(round(pooled.ci.upper, 2)).toBe(2.2);
  });

  it("equals the crude ratio and Katz-like interval for a single stratum's point estimate", () => {
    const single = { a: 12, n1: 80, c: 9, n0: 120 };
    expect(mantelHaenszelRisk([single])!.rr).toBeCloseTo(relativeRisk(single)!.rr, 12);
  });

  it("ignores strata where one group is empty and gives null when nothing is left", () => {
    expect(mantelHaenszelRisk([...ugdp, { a: 3, n1: 10, c: 0, n0: 0 }])!.rr).toBeCloseTo(
      mantelHaenszelRisk(ugdp)!.rr,
      12,
    );
    expect(mantelHaenszelRisk([{ a: 3, n1: 10, c: 0, n0: 0 }])).toBeNull();
  });

  // Simpson's paradox: kidney-stone treatments (Charig et al., BMJ 1986; Julious & Mullee,
  // BMJ 1994;309:1480). Open surgery (A) succeeded in 93 % of small and 73 % of large stones,
  // PCNL (B) in 87 % and 69 % — yet overall A 78 % and B 83 %. As failures, A vs B:
  const stones = [
    { a: 87 - 81, n1: 87, c: 270 - 234, n0: 270 }, // small stones
    { a: 263 - 192, n1: 263, c: 80 - 55, n0: 80 }, // large stones
  ];
  it("shows crude and adjusted relative risks pointing in opposite directions", () => {
    expect([81 / 87, 192 / 263, 234 / 270, 55 / 80, 273 / 350, 289 / 350].map((p) => Math.round(p * 100))).toEqual([
      93, 73, 87, 69, 78, 83,
    ]);
    const crude = relativeRisk({ a: 77, n1: 350, c: 61, n0: 350 })!;
    const adjusted = mantelHaenszelRisk(stones)!;
    expect(crude.rr).toBeGreaterThan(1);
    expect(adjusted.rr).toBeLessThan(1);
    // Crude 1.26 (SciPy relative_risk(77, 350, 61, 350): 95 % CI 0.93371–1.70651).
    expect(crude.ci.lower).toBeCloseTo(0.93371, 5);
    expect(crude.ci.upper).toBeCloseTo(1.70651, 5);
    // Σ a·n0/N = 1620/357 + 5680/343; Σ c·n1/N = 3132/357 + 6575/343.
    expect(adjusted.rr).toBeCloseTo((1620 / 357 + 5680 / 343) / (3132 / 357 + 6575 / 343), 12);
    expect(round(adjusted.rr, 3)).toBe(0.755);
  });
});
