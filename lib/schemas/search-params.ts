import { isDayInRange } from "./dates";
import { hostileStringReason } from "./hostile-input";
import { isRecordId } from "./ids";

// Reading list filters from a URL. Filters live in the URL so they can be shared and the
// back button works; a value that makes no sense is dropped, never an error page.

/** Next's searchParams: a value, a repeated value, or nothing. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

// A value no field can hold (a NUL, an unpaired surrogate: PostgreSQL refuses them) is dropped
// like any other nonsense, before it reaches a query.
const usable = (value: string) => hostileStringReason(value) === null;

export function listParam(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "" && usable(v));
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first && usable(first) ? first : undefined;
}

/** One record id (1 … 2^31 − 1, digits only), or undefined: "1e30", "1.5" and "2147483648" name nothing. */
export function idParam(value: string | string[] | undefined): number | undefined {
  const first = firstParam(value);
  return first === undefined ? undefined : recordIdOf(first);
}

export function enumList<T extends string>(values: readonly T[], raw: string | string[] | undefined): T[] {
  return [...new Set(listParam(raw).filter((v): v is T => (values as readonly string[]).includes(v)))];
}

/** A record id (1 … 2^31 − 1, digits only) written in a URL, or undefined. */
export function recordIdOf(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return isRecordId(id) ? id : undefined;
}

export function idList(raw: string | string[] | undefined): number[] {
  return [...new Set(listParam(raw).flatMap((v) => recordIdOf(v) ?? []))];
}

export function flagParam(raw: string | string[] | undefined): boolean {
  const value = firstParam(raw);
  return value === "1" || value === "true" || value === "yes";
}

export function dayString(raw: string | string[] | undefined): string | undefined {
  const value = firstParam(raw);
  return value && isDayInRange(value) ? value : undefined;
}
