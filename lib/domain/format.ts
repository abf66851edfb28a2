// Human-readable numbers and durations, shared by pages, exports and messages.

/** "45 s", "2 min", "3 min 20 s". */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A duration in the largest two units: "45s", "12m", "3h 05m", "2d 4h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return `${Math.floor(ms / 1000)}s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m`;
}

/**
 * One `Intl.DateTimeFormat` per set of options, kept: making one costs ~140 µs, using one ~1 µs,
 * and a list page formats hundreds of dates (issue 19: 5 ms of a 50-row incident list).
 * Bounded, since a time zone comes from settings or a user.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    if (formats.size >= 200) formats.clear();
    format = new Intl.DateTimeFormat("en-GB", options);
    formats.set(key, format);
  }
  return format;
}

/** "24 Nov 2026, 09:05" in the given IANA time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat({ dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/**
 * A calendar day ("2026-11-24": a due date, a week's first day; no time zone) in the same style:
 * "24 Nov 2026", or "24 Nov" with `short`. Anything that is not such a day is returned as given.
 */
export function formatDay(isoDay: string, options: { short?: boolean } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) return isoDay;
  return dateTimeFormat({
    day: "numeric",
    month: "short",
    ...(options.short ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(date);
}

/**
 * `value` rounded half away from zero to `decimals` places, as a decimal reader expects:
 * 11.85 → 11.9 (`toFixed` says 11.8, because the double nearest 11.85 is 11.8499…). The
 * value is first read at 12 significant digits, which removes binary noise and nothing a
 * person could see. Use it once, at display; keep exact values everywhere else.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

/** `roundHalfUp` written with exactly `decimals` places: "11.9", "0.50", "-3". */
export function formatDecimal(value: number, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}

/**
 * Units a figure is kept in, exactly: counts, "percent" figures kept as fractions
 * (0.25 is shown as 25.0%), hours, or a plain rate.
 */
export type MetricUnit = "count" | "percent" | "hours" | "rate";

/**
 * The one way a figure is shown on a page, in a chart, a PDF or a Markdown file:
 * fractions as "25.0%", hours "11.9 h", rates "0.43", counts as integers (an average of
 * counts "2.5").
 */
export function formatMetric(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (unit === "percent") return `${formatDecimal(value * 100, 1)}%`;
  if (unit === "hours") return `${formatDecimal(value, 1)} h`;
  if (unit === "rate") return formatDecimal(value, 2);
  return Number.isInteger(value) ? String(value) : formatDecimal(value, 1);
}

/** Whole minutes an interval has lasted (completed minutes, as `formatDuration` shows them). */
export function wholeMinutes(seconds: number): number {
  return Math.floor(Number(seconds.toPrecision(12)) / 60);
}

/** Seconds between two instants (exact, to the millisecond). */
export function secondsBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 1000;
}
