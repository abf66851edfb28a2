"use client";

import { FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxChips } from "@/components/ui/checkbox-chips";
import { FormAlert, inputClasses } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSlackDestinationAction } from "@/lib/actions/webhooks/create-slack-destination";
import { OUTBOUND_EVENT_LABELS, OUTBOUND_EVENTS } from "@/lib/domain/outbound-events";

const EVENT_OPTIONS = OUTBOUND_EVENTS.map((event) => ({ id: event, name: OUTBOUND_EVENT_LABELS[event] }));

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
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Name
          <input
            name="name"
            placeholder="e.g. #incidents"
            className={`${inputClasses} mt-1`}
            aria-invalid={Boolean(fieldErrors.name)}
          />
          <FieldError errors={fieldErrors.name} />
        </label>
        <label className="block text-sm font-medium">
          Incoming-webhook URL
          <input
            name="url"
            type="url"
            autoComplete="off"
            placeholder="https://hooks.slack.com/services/…"
            className={`${inputClasses} mt-1 font-mono`}
            aria-invalid={Boolean(fieldErrors.url)}
          />
          <FieldError errors={fieldErrors.url} />
        </label>
      </div>
      <div>
        <CheckboxChips
          legend="Events"
          name="events"
          options={EVENT_OPTIONS}
          selected={[]}
          size="md"
          legendClassName="text-sm font-medium"
        />
        <FieldError errors={fieldErrors.events} />
      </div>
      <Button type="submit" disabled={pending}>
        Add Slack destination
      </Button>
    </form>
  );
}
