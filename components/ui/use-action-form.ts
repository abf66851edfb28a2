"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * Submits a form to a server action without React's automatic form reset, so that a
 * refused submission (validation, stale version, permission) keeps what the user typed.
 * After a refusal, focus moves to the first field in error (or to the form's message), so
 * keyboard and screen-reader users land where the fix is.
 */
export function useActionForm(action: (previous: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (state.ok === false && formRef.current) focusFirstError(formRef.current, Object.keys(state.fieldErrors ?? {}));
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    formRef.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(async () => {
      const next = await action(state, form);
      setState(next ?? {});
    });
  }

  return { state, pending, onSubmit, fieldErrors: state.fieldErrors ?? {} };
}

/** The first control (in page order) marked invalid or named by a field error; else the form's alert. */
export function focusFirstError(form: HTMLFormElement, fields: string[]) {
  const named = fields.filter((f) => f !== "_form").map((f) => `[name="${CSS.escape(f)}"]`);
  const candidates = form.querySelectorAll<HTMLElement>(['[aria-invalid="true"]', ...named].join(","));
  const target =
    [...candidates].find(
      (el) => !(el instanceof HTMLInputElement && el.type === "hidden") && !el.closest("[hidden]") && isFocusable(el),
    ) ?? form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  // A field inside a closed <details> is opened first.
  const details = target.closest("details");
  if (details && !details.open) details.open = true;
  if (target.getAttribute("role") === "alert" && !target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}

function isFocusable(el: HTMLElement) {
  return !(el as HTMLInputElement).disabled;
}
