"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { FieldErrors } from "@/lib/server/errors";
import { FormAlert } from "./field";
import { useActionForm } from "./use-action-form";

type ServerAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action: shows the action's message, hands field errors and
 * the pending state to its children, keeps the input when refused and can clear it after
 * success (for "add" forms).
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  hidden,
  label,
  feedbackAtEnd = false,
  savedMessage,
}: {
  action: ServerAction;
  children: (state: { fieldErrors: FieldErrors; pending: boolean }) => React.ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  hidden?: Record<string, string | number>;
  label?: string;
  /** Show the outcome after the fields, next to the button that saved them (inline edits). */
  feedbackAtEnd?: boolean;
  /** Shown after a success the action did not describe itself. */
  savedMessage?: string;
}) {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form ref={formRef} onSubmit={onSubmit} className={className} noValidate aria-label={label}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {feedbackAtEnd ? null : (
        <Outcome ok={state.ok} message={state.message ?? (state.ok ? savedMessage : undefined)} />
      )}
      {children({ fieldErrors, pending })}
      {feedbackAtEnd ? (
        <Outcome ok={state.ok} message={state.message ?? (state.ok ? savedMessage : undefined)} />
      ) : null}
    </form>
  );
}

function Outcome({ ok, message }: { ok?: boolean; message?: string }) {
  if (ok === false) return <FormAlert message={message} />;
  if (!ok || !message) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
    >
      {message}
    </p>
  );
}

export function FieldError({ errors, id }: { errors?: string[]; id?: string }) {
  return errors?.length ? (
    <p id={id} className="mt-1 text-xs font-medium text-red-600">
      {errors.join(" ")}
    </p>
  ) : null;
}
