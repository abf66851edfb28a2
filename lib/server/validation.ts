import type { z } from "zod";
import { collectFieldErrors, findHostileInput } from "@/lib/schemas/hostile-input";
import { AppError } from "./errors";

/** Parses with a shared schema; a failure becomes a 422 with one message per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  assertNoHostileInput(value, "_form");
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors = collectFieldErrors(
    result.error.issues.map((issue) => [issue.path.length ? String(issue.path[0]) : "_form", issue.message] as const),
  );
  throw new AppError("VALIDATION", "Some fields need attention.", { fieldErrors });
}

/** The shared first check (lib/schemas/hostile-input.ts): NUL, lone surrogates, prototype keys → 422. */
export function assertNoHostileInput(value: unknown, bodyKey = "_body"): void {
  const found = findHostileInput(value);
  if (!found) return;
  const key = found.path === "_body" ? bodyKey : found.path;
  throw new AppError("VALIDATION", `Some input cannot be accepted (${key}): ${found.message} Nothing was saved.`, {
    fieldErrors: collectFieldErrors([[key, found.message]]),
  });
}
