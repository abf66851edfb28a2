import { isDayInRange } from "./dates";

// Reading list filters from a URL. Filters live in the URL so they can be shared and the
// back button works; a value that makes no sense is dropped, never an error page.

/** Next's searchParams: a value, a repeated value, or nothing. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function listParam(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

export function enumList<T extends string>(values: readonly T[], raw: string | string[] | undefined): T[] {
  return [...new Set(listParam(raw).filter((v): v is T => (values as readonly string[]).includes(v)))];
}

export function idList(raw: string | string[] | undefined): number[] {
  return [
    ...new Set(
      listParam(raw)
        .filter((v) => /^\d{1,9}$/.test(v))
        .map(Number),
    ),
  ];
}

export function flagParam(raw: string | string[] | undefined): boolean {
  const value = firstParam(raw);
  return value === "1" || value === "true" || value === "yes";
}

export function dayString(raw: string | string[] | undefined): string | undefined {
  const value = firstParam(raw);
  return value && isDayInRange(value) ? value : undefined;
}
