import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Parses with a shared schema; a failure becomes a 422 with one message per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors });
}
