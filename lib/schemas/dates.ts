// The one date rule, shared by every schema that accepts a date (forms, API, webhooks, filters):
// no earlier than 2000-01-01, and no later than one day ahead of now; due dates may lie up to
// five years ahead. Calendar days must exist: 2026-02-30 is refused, never rolled over.
import { z } from "zod";

export const EARLIEST_DAY = "2000-01-01";
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
/** How far ahead an instant may be (clock skew, time zones ahead of the server). */
export const AHEAD_MS = 24 * 60 * 60_000;
export const DUE_HORIZON_YEARS = 5;

export type DateKind = "instant" | "due";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A day (YYYY-MM-DD) that exists in the calendar. */
export function isRealDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 date or date-time whose calendar day and clock time exist, as a Date; else null. */
export function parseInstantText(text: string): Date | null {
  const match = INSTANT.exec(text.trim());
  if (!match || !isRealDay(match[1])) return null;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((v) => Number(v ?? 0));
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The latest allowed moment for a kind of date, given now. */
export function latestAllowed(kind: DateKind, now = new Date()): Date {
  if (kind === "instant") return new Date(now.getTime() + AHEAD_MS);
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + DUE_HORIZON_YEARS);
  return limit;
}

/** Why a date breaks the rule, or null when it is within it. */
export function dateRangeProblem(date: Date, kind: DateKind, now = new Date()): string | null {
  if (Number.isNaN(date.getTime())) return "Not a real date.";
  if (date.getTime() < EARLIEST_MS) return `Too early: dates start at ${EARLIEST_DAY}.`;
  if (date.getTime() > latestAllowed(kind, now).getTime())
    return kind === "due"
      ? `Too far ahead: a due date can be at most ${DUE_HORIZON_YEARS} years from now.`
      : "Too far in the future: at most one day ahead of now.";
  return null;
}

/** A day within the rule (the day's start, UTC, is what is checked). */
export function isDayInRange(day: string, kind: DateKind = "instant", now = new Date()): boolean {
  return isRealDay(day) && dateRangeProblem(new Date(`${day}T00:00:00.000Z`), kind, now) === null;
}

const toDate = (value: unknown) => (typeof value === "string" ? (parseInstantText(value) ?? value) : value);

/** A form/API date-time (ISO 8601; a form's datetime-local value is read in the server's zone) → Date. */
export function instant(options: { message?: string; future?: string; kind?: DateKind } = {}) {
  const message = options.message ?? "Enter a real date and time (YYYY-MM-DDTHH:MM).";
  return z.preprocess(
    toDate,
    z.date({ error: message }).superRefine((date, ctx) => {
      const problem = dateRangeProblem(date, options.kind ?? "instant");
      if (problem)
        ctx.addIssue({
          code: "custom",
          message: problem.startsWith("Too far") ? (options.future ?? problem) : problem,
        });
    }),
  );
}

/** An instant that cannot be in the future beyond clock skew (impact start, shipped, rolled back). */
export function pastInstant(options: { message?: string; future?: string } = {}) {
  const future = options.future ?? "Cannot be in the future.";
  return instant({ message: options.message, future }).refine(
    (date) => date.getTime() <= Date.now() + PAST_SKEW_MS,
    future,
  );
}
/** Clock skew tolerated for "not in the future" fields. */
export const PAST_SKEW_MS = 5 * 60_000;

/** A calendar day (YYYY-MM-DD) within the rule, kept as the string. */
export function day(kind: DateKind = "instant", message = "Use a real day as YYYY-MM-DD.") {
  return z.string().superRefine((value, ctx) => {
    if (!isRealDay(value)) return ctx.addIssue({ code: "custom", message });
    const problem = dateRangeProblem(new Date(`${value}T00:00:00.000Z`), kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** A due date: a real day up to five years ahead → midnight UTC of that day. */
export function dueDate(message = "Pick a due date.") {
  return day("due", message).transform((value) => new Date(`${value}T00:00:00.000Z`));
}

/** An ISO 8601 timestamp with an offset, kept as the string, within the rule (API bodies, webhooks). */
export function isoInstant(kind: DateKind = "instant") {
  return z.iso
    .datetime({ offset: true, error: "Use an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T08:15:00Z." })
    .superRefine((value, ctx) => {
      const problem = dateRangeProblem(new Date(value), kind);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}
