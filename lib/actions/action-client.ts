import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { hostileKeyReason } from "@/lib/schemas/hostile-input";
import { requireUser } from "@/lib/server/auth/require-user";
import { AppError } from "@/lib/server/errors";
import type { Permission } from "@/lib/server/permissions";
import { parseOrThrow } from "@/lib/server/validation";
import { toActionState, type ActionState } from "./action-state";

type Outcome = { revalidate?: string[]; redirectTo?: string; message?: string; data?: Record<string, string> } | void;

/**
 * Every form action reads the same way: form → object → shared schema → signed-in user
 * with the permission → one service → revalidate or redirect. Errors become form state.
 */
export function defineFormAction<S extends z.ZodType>(config: {
  schema: S;
  /** "signed-in": any signed-in user (their own account); otherwise a permission of lib/server/permissions.ts. */
  permission: Permission | "signed-in";
  /** Form fields that carry several values (multi-selects, repeated inputs). */
  arrays?: readonly string[];
  run: (context: { actor: SessionUser; input: z.output<S> }) => Promise<Outcome>;
}) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    let outcome: Outcome;
    try {
      const actor = await requireUser(config.permission === "signed-in" ? undefined : config.permission);
      const input = parseOrThrow(config.schema, formToObject(form, config.arrays ?? []));
      outcome = await config.run({ actor, input });
    } catch (error) {
      return toActionState(error);
    }
    for (const path of outcome?.revalidate ?? []) revalidatePath(path);
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { ok: true, message: outcome?.message, data: outcome?.data };
  };
}

/**
 * The form as an object for the schema. Field names are checked before they become keys (a
 * field called "__proto__" would otherwise set the object's prototype), and values go
 * through the shared hostile-input check when the schema is parsed (parseOrThrow).
 */
export function formToObject(form: FormData, arrays: readonly string[]): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const reason = hostileKeyReason(key);
    if (reason)
      throw new AppError("VALIDATION", `This form cannot be accepted: ${reason}`, { fieldErrors: { _form: [reason] } });
    const values = form.getAll(key).map((value) => (typeof value === "string" ? value : value.name));
    entries.push([key, arrays.includes(key) ? values : values[0]]);
  }
  for (const key of arrays) if (!form.has(key)) entries.push([key, []]);
  return Object.fromEntries(entries);
}
