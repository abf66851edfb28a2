import "server-only";
import { toAppError, type FieldErrors } from "@/lib/server/errors";

/** What a form action returns to its form: a message for the form and one per field. */
export type ActionState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors; data?: Record<string, string> };

/** Maps any error to what a user may see; internals are logged, never shown. */
export function toActionState(caught: unknown): ActionState {
  const error = toAppError(caught);
  if (error) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  console.error("[faultline] unexpected error in a server action:", caught);
  return { ok: false, message: "Something went wrong on our side and nothing was saved. Try again in a moment." };
}
