// Calendar days in the organisation's time zone (PRODUCT.md: days start at 00:00 there).
import { TZDate } from "@date-fns/tz";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant "YYYY-MM-DD 00:00" happens in `timeZone`; null for an invalid day. */
export function startOfDayInZone(day: string, timeZone: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const zoned = new TZDate(year, month, date, 0, 0, 0, 0, timeZone);
  if (zoned.getFullYear() !== year || zoned.getMonth() !== month || zoned.getDate() !== date) return null;
  return new Date(zoned.getTime());
}

/** The calendar day ("YYYY-MM-DD") that `instant` falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}

/** The start of the day after `day` in `timeZone` (23, 24 or 25 hours later). */
export function startOfNextDayInZone(day: string, timeZone: string): Date | null {
  const start = startOfDayInZone(day, timeZone);
  if (!start) return null;
  const zoned = new TZDate(start.getTime(), timeZone);
  return new Date(
    new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate() + 1, 0, 0, 0, 0, timeZone).getTime(),
  );
}

/** Every IANA zone this runtime knows, UTC first: what the settings page offers. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/**
 * True for a zone from listTimeZones() (exact spelling). Aliases such as "US/Eastern" or
 * odd cases such as "europe/berlin" are refused, so the stored value is always canonical
 * and PostgreSQL's `AT TIME ZONE` (same IANA database) understands it.
 */
export function isValidTimeZone(value: string): boolean {
  return listTimeZones().includes(value);
}
