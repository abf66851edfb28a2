import "server-only";
import type { z } from "zod";
import { collectFieldErrors } from "@/lib/schemas/hostile-input";
import { AppError } from "@/lib/server/errors";
import { assertNoHostileInput } from "@/lib/server/validation";

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
  assertNoHostileInput(value);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const entries = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map(
          (key) => [issueKey([...issue.path, key]), "Unknown field; check its spelling in the API reference."] as const,
        )
      : [[issueKey(issue.path), issue.message] as const],
  );
  throw new AppError("VALIDATION", message, { fieldErrors: collectFieldErrors(entries) });
}
