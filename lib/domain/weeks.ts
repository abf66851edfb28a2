// Weeks start on Monday 00:00 in the organisation's time zone (PRODUCT.md); a week is
// named by its Monday ("2026-11-16"). Daylight-saving weeks are simply shorter or longer.
import { TZDate } from "@date-fns/tz";
import { dayInZone } from "./time-zone";

const pad = (n: number) => String(n).padStart(2, "0");
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Adds calendar days to a "YYYY-MM-DD" day (no time zone involved). */
export function addDays(day: string, days: number): string {
  const [, y, m, d] = DAY_RE.exec(day)!;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The Monday of the week that `day` belongs to. */
export function mondayOf(day: string): string {
  const [, y, m, d] = DAY_RE.exec(day)!;
  const weekday = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The Monday of the week `instant` falls in, in `timeZone`. */
export function weekOf(instant: Date, timeZone: string): string {
  return mondayOf(dayInZone(instant, timeZone));
}

export type WeekRange = { from: string; to: string };

/** The last `count` full weeks before the current one: [from Monday, to Monday) in days. */
export function lastFullWeeks(count: number, now: Date, timeZone: string): WeekRange {
  const current = weekOf(now, timeZone);
  return { from: addDays(current, -7 * count), to: current };
}

/** Midnight of `day` in `timeZone`, as an instant. */
export function zonedMidnight(day: string, timeZone: string): Date {
  const [, y, m, d] = DAY_RE.exec(day)!;
  return new Date(new TZDate(Number(y), Number(m) - 1, Number(d), 0, 0, 0, 0, timeZone).getTime());
}

export function isDay(value: string | undefined): value is string {
  if (!value || !DAY_RE.test(value)) return false;
  return addDays(value, 0) === value;
}

export function formatWeekLabel(monday: string): string {
  const [, , m, d] = DAY_RE.exec(monday)!;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(d)} ${months[Number(m) - 1]}`;
}

/** "2026-W47" → the Monday of that ISO week; null when malformed or out of range. */
export function isoWeekToMonday(isoWeek: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // Years before 1970 or past 9998 are nobody's reporting week, and break the date arithmetic below.
  if (week < 1 || week > 53 || year < 1970 || year > 9998) return null;
  const monday = addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
  return mondayToIsoWeek(monday) === isoWeek ? monday : null;
}

/** The ISO week ("2026-W47") that starts on `monday`. */
export function mondayToIsoWeek(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(thursday) - Date.parse(mondayOf(`${year}-01-04`))) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
