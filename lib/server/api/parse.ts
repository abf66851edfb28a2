import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/server/errors";

/** Dotted path of a zod issue: ["changes", 3, "service"] → "changes.3.service"; the body itself → "_body". */
export function issueKey(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "_body";
}

/** Parses API input; a failure is a 422 with messages keyed by full dotted paths. */
export function parseApiInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message = "Some fields need attention; nothing was saved.",
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        (fieldErrors[issueKey([...issue.path, key])] ??= []).push(
          "Unknown field; check its spelling in the API reference.",
        );
      continue;
    }
    (fieldErrors[issueKey(issue.path)] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", message, { fieldErrors });
}
