"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * Submits a form to a server action without React's automatic form reset, so that a
 * refused submission (validation, stale version, permission) keeps what the user typed.
 */
export function useActionForm(action: (previous: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(async () => {
      const next = await action(state, form);
      setState(next ?? {});
    });
  }

  return { state, pending, onSubmit, fieldErrors: state.fieldErrors ?? {} };
}
