// Honest comparisons of failure rates: Wilson score intervals for each rate, a relative risk
// with Katz's log interval, and the Mantel–Haenszel relative risk over strata with the
// Greenland–Robins variance. Pure functions; the normal quantile comes from @stdlib.
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** PRODUCT.md's minimum: below it a group's figure reads "not enough data". */
export const MIN_CHANGES = 30;
export const MIN_FAILURES = 5;

export type Interval = { lower: number; upper: number };
export type Rate = { failed: number; total: number; rate: number | null; ci: Interval | null; enoughData: boolean };
export type RelativeRisk = { rr: number; ci: Interval } | null;
/** One stratum's 2×2 table: `a` of `n1` exposed failed, `c` of `n0` unexposed failed. */
export type Stratum = { a: number; n1: number; c: number; n0: number };

const z = (confidence: number) => normalQuantile(1 - (1 - confidence) / 2, 0, 1);

export function hasEnoughData(failed: number, total: number): boolean {
  return total >= MIN_CHANGES && failed >= MIN_FAILURES;
}

/** Wilson's score interval (Wilson 1927; method 3 in Newcombe 1998), without continuity correction. */
export function wilsonInterval(failed: number, total: number, confidence = 0.95): Interval | null {
  assertCounts(failed, total);
  if (total === 0) return null;
  const k = z(confidence);
  const p = failed / total;
  const centre = p + (k * k) / (2 * total);
  const spread = k * Math.sqrt((p * (1 - p)) / total + (k * k) / (4 * total * total));
  const denominator = 1 + (k * k) / total;
  return { lower: Math.max(0, (centre - spread) / denominator), upper: Math.min(1, (centre + spread) / denominator) };
}

export function failureRate(failed: number, total: number): Rate {
  assertCounts(failed, total);
  return {
    failed,
    total,
    rate: total === 0 ? null : failed / total,
    ci: wilsonInterval(failed, total),
    enoughData: hasEnoughData(failed, total),
  };
}

/** Risk ratio (a/n1) ÷ (c/n0) with Katz's log-method interval; null when a cell is empty. */
export function relativeRisk({ a, n1, c, n0 }: Stratum, confidence = 0.95): RelativeRisk {
  assertCounts(a, n1);
  assertCounts(c, n0);
  if (a === 0 || c === 0) return null;
  const rr = a / n1 / (c / n0);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
  return { rr, ci: logInterval(rr, se, confidence) };
}

/**
 * Mantel–Haenszel pooled risk ratio over strata, with the Greenland–Robins (1985) variance
 * of its logarithm. Strata with no one in one of the groups carry no information and drop out.
 */
export function mantelHaenszelRisk(strata: readonly Stratum[], confidence = 0.95): RelativeRisk {
  let numerator = 0;
  let denominator = 0;
  let varianceSum = 0;
  for (const { a, n1, c, n0 } of strata) {
    assertCounts(a, n1);
    assertCounts(c, n0);
    const n = n1 + n0;
    if (n1 === 0 || n0 === 0) continue;
    numerator += (a * n0) / n;
    denominator += (c * n1) / n;
    varianceSum += (n1 * n0 * (a + c) - a * c * n) / (n * n);
  }
  if (numerator === 0 || denominator === 0) return null;
  const rr = numerator / denominator;
  return { rr, ci: logInterval(rr, Math.sqrt(varianceSum / (numerator * denominator)), confidence) };
}

function logInterval(rr: number, se: number, confidence: number): Interval {
  const k = z(confidence);
  return { lower: Math.exp(Math.log(rr) - k * se), upper: Math.exp(Math.log(rr) + k * se) };
}

function assertCounts(failed: number, total: number) {
  if (!Number.isInteger(failed) || !Number.isInteger(total) || failed < 0 || total < 0 || failed > total) {
    throw new RangeError(`Counts must be whole numbers with 0 ≤ failed (${failed}) ≤ total (${total}).`);
  }
}
