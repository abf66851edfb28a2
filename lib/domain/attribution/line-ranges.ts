// Line ranges as closed intervals. Evidence is never expanded line by line: a hostile
// "1-9223372036854775807" costs one interval, and line numbers beyond git-ai's own limit
// (u32, the type its writer uses) are rejected rather than guessed at.
import { AttributionError } from "./attribution-error";

/** Largest line number accepted: git-ai stores line numbers as u32. */
export const MAX_LINE = 4_294_967_295;
/** Most range tokens accepted in one piece of evidence (a few MB of note text). */
export const MAX_RANGE_TOKENS = 200_000;

export type Interval = { start: number; end: number };

/** One line number: decimal digits only, 1 ≤ n ≤ MAX_LINE. */
export function parseLineNumber(token: string, where: string): number {
  if (!/^[0-9]{1,20}$/.test(token)) throw new AttributionError(`${where}: “${token}” is not a line number.`);
  // Compare as BigInt so a 20-digit number is judged exactly, never rounded.
  const value = BigInt(token);
  if (value < 1n || value > BigInt(MAX_LINE)) {
    throw new AttributionError(`${where}: line ${token} is outside 1–${MAX_LINE}.`);
  }
  return Number(value);
}

export function interval(start: number, end: number, where: string): Interval {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end > MAX_LINE) {
    throw new AttributionError(`${where}: lines ${start}–${end} are outside 1–${MAX_LINE}.`);
  }
  if (end < start) throw new AttributionError(`${where}: range ${start}-${end} ends before it starts.`);
  return { start, end };
}

/** `1-10,15,20-30` (git-ai's syntax): no spaces, no empty items, start ≤ end. */
export function parseRangeList(text: string, where: string): Interval[] {
  const tokens = text.split(",");
  if (tokens.length > MAX_RANGE_TOKENS) throw new AttributionError(`${where}: too many ranges.`);
  return tokens.map((token) => {
    const dash = token.indexOf("-");
    if (dash < 0) {
      const line = parseLineNumber(token, where);
      return { start: line, end: line };
    }
    return interval(parseLineNumber(token.slice(0, dash), where), parseLineNumber(token.slice(dash + 1), where), where);
  });
}

/** Sorted, disjoint, non-adjacent intervals covering exactly the same lines. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start <= last.end + 1) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** Lines in merged intervals (each ≤ 2³², so any realistic sum stays an exact integer). */
export function countLines(merged: readonly Interval[]): number {
  return merged.reduce((sum, range) => sum + (range.end - range.start + 1), 0);
}

/** Lines of `a` not in `b`; both merged. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const range of a) {
    let start = range.start;
    while (j < b.length && b[j].end < start) j++;
    let k = j;
    while (k < b.length && b[k].start <= range.end) {
      if (b[k].start > start) result.push({ start, end: b[k].start - 1 });
      start = Math.max(start, b[k].end + 1);
      k++;
    }
    if (start <= range.end) result.push({ start, end: range.end });
  }
  return result;
}
