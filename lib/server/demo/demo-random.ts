// Seeded randomness and time spreading for the demo data. Nothing here reads the clock or
// Math.random: the same seed gives the same sequence on every machine.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** sfc32, seeded through splitmix32: small, fast and good enough for believable data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let state = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
    const split = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Log-uniform in [min, max): many small values, a long tail of large ones. */
  logRange(min: number, max: number): number {
    return min * Math.pow(max / min, this.next());
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

/** Picks from a fixed weighted list many times, in O(log n). */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0) throw new Error("WeightedPicker needs at least one item");
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

export type DaySlot = { from: number; to: number; count: number };

/**
 * Spreads exactly `total` events over the UTC days of [start, end): each day gets a share
 * proportional to weight(fraction of the span elapsed, day of week 0=Sunday) and to how
 * much of the day lies inside the span. Rounding carries over, so the counts add up.
 */
export function spreadOverDays(
  total: number,
  start: number,
  end: number,
  weight: (fraction: number, weekday: number) => number,
): DaySlot[] {
  const slots: Array<{ from: number; to: number; w: number }> = [];
  for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
    const from = Math.max(day, start);
    const to = Math.min(day + DAY, end);
    if (to <= from) continue;
    const middle = (from + to) / 2;
    slots.push({
      from,
      to,
      w: weight((middle - start) / (end - start), new Date(day).getUTCDay()) * ((to - from) / DAY),
    });
  }
  const sum = slots.reduce((acc, slot) => acc + slot.w, 0);
  let cumulative = 0;
  let assigned = 0;
  return slots.map((slot) => {
    cumulative += slot.w;
    const upTo = sum > 0 ? Math.round((cumulative / sum) * total) : 0;
    const count = upTo - assigned;
    assigned = upTo;
    return { from: slot.from, to: slot.to, count };
  });
}

/**
 * `count` sorted instants in [from, to) following an hour-of-day profile (UTC hour → relative
 * likelihood, at most 1), by rejection sampling.
 */
export function timesInDay(rng: Rng, slot: DaySlot, hourProfile: (hour: number) => number): Float64Array {
  const times = new Float64Array(slot.count);
  for (let i = 0; i < slot.count; i++) {
    let t = 0;
    for (let attempt = 0; attempt < 64; attempt++) {
      t = Math.floor(rng.range(slot.from, slot.to));
      if (rng.next() < hourProfile(new Date(t).getUTCHours())) break;
    }
    times[i] = t;
  }
  return times.sort();
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
