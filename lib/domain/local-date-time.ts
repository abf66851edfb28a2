/**
 * The text of a date-time field ("2026-11-24T09:05", the browser's local time) read
 * without ever throwing: an impossible or out-of-range value gives a message, not an
 * Invalid Date that would crash whoever calls toISOString() on it.
 */
export type LocalDateTimeReading =
  { kind: "empty" } | { kind: "valid"; iso: string } | { kind: "invalid"; message: string };

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;

const PATTERN = /^(\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

export function readLocalDateTime(text: string, incomplete = false): LocalDateTimeReading {
  if (incomplete) return { kind: "invalid", message: "Enter a complete date and time, or clear the field." };
  const value = text.trim();
  if (!value) return { kind: "empty" };
  const match = PATTERN.exec(value);
  if (!match) return { kind: "invalid", message: "Enter a date and time such as 2026-11-24 09:05." };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { kind: "invalid", message: `Enter a year between ${MIN_YEAR} and ${MAX_YEAR}.` };
  }
  const date = new Date(year, month - 1, day, hour, minute, second);
  const sameFields =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute;
  // A day that does not exist (31 April), or a local time skipped by a clock change.
  if (Number.isNaN(date.getTime()) || !sameFields) {
    return { kind: "invalid", message: "That date or time does not exist; check the day and the hour." };
  }
  return { kind: "valid", iso: date.toISOString() };
}

/** "2026-11-24T09:05" in the local time zone; "" for an invalid date instead of throwing. */
export function toLocalInput(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
