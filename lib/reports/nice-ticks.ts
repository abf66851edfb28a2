// Axis ticks on round values (0/25/50 %, 0/20/40 …) for the PDF's charts: the smallest step
// of 1, 2, 2.5 or 5 × 10ⁿ that covers `max` in at most `intervals` steps. Counts keep whole
// steps (no "0.5 incidents").

const MULTIPLIERS = [1, 2, 2.5, 5] as const;

export function niceTicks(max: number, options: { intervals?: number; integer?: boolean } = {}): number[] {
  const intervals = options.intervals ?? 4;
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / intervals;
  let magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = 0;
  while (!step) {
    for (const m of MULTIPLIERS) {
      const candidate = m * magnitude;
      if (options.integer && !Number.isInteger(candidate)) continue;
      if (candidate * intervals >= top - 1e-9) {
        step = candidate;
        break;
      }
    }
    magnitude *= 10;
  }
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  // Rounded to the step's precision so 0.1 × 3 prints as 0.3.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
