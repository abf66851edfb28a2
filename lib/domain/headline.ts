// The headline row of the dashboard: this week vs last week vs the average of the four
// weeks before this one. Ratios are pooled (sum of numerators ÷ sum of denominators), so a
// quiet week does not weigh as much as a busy one.

export type Headline = {
  current: number | null;
  previous: number | null;
  fourWeekAverage: number | null;
  trend: "up" | "down" | "flat" | "none";
};

type Ratio = { num: number; den: number };

const avg = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

function trendOf(current: number | null, previous: number | null): Headline["trend"] {
  if (current === null || previous === null) return "none";
  if (Math.abs(current - previous) < 1e-9) return "flat";
  return current > previous ? "up" : "down";
}

/** `series` is oldest first; the last entry is "this week"; null means "no value that week". */
export function headlineOfCounts(series: Array<number | null>): Headline {
  const current = series.at(-1) ?? null;
  const previous = series.length > 1 ? (series.at(-2) ?? null) : null;
  const fourWeekAverage = avg(series.slice(-5, -1).filter((v): v is number => v !== null));
  return { current, previous, fourWeekAverage, trend: trendOf(current, previous) };
}

export function headlineOfRatios(series: Ratio[]): Headline {
  const ratio = (r: Ratio | undefined) => (r && r.den > 0 ? r.num / r.den : null);
  const window = series.slice(-5, -1);
  const pooled = window.reduce((acc, r) => ({ num: acc.num + r.num, den: acc.den + r.den }), { num: 0, den: 0 });
  const current = ratio(series.at(-1));
  const previous = series.length > 1 ? ratio(series.at(-2)) : null;
  return { current, previous, fourWeekAverage: ratio(pooled), trend: trendOf(current, previous) };
}
