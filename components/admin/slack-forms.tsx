"use client";

import { Button } from "@/components/ui/button";
import { WebhookFields } from "@/components/admin/webhook-forms";
import { FormAlert } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSlackDestinationAction } from "@/lib/actions/webhooks/create-slack-destination";

/** Adds a Slack incoming webhook; the URL is stored sealed and only a masked copy is ever shown. */
export function CreateSlackForm() {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(createSlackDestinationAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a Slack destination" className="space-y-4">
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.maskedUrl ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
        >
          “{state.data.name}” added. The URL is stored encrypted and shown from now on only as{" "}
          <span className="break-all font-mono">{state.data.maskedUrl}</span>. Open it below to send a test message.
        </p>
      ) : null}
      <WebhookFields fieldErrors={fieldErrors} kind="SLACK" />
      <Button type="submit" disabled={pending}>
        Add Slack destination
      </Button>
    </form>
  );
}
