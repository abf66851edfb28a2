"use client";

import { FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxChips } from "@/components/ui/checkbox-chips";
import { FormAlert, inputClasses } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOutboundWebhookAction } from "@/lib/actions/webhooks/create-outbound-webhook";
import { rotateWebhookSecretAction } from "@/lib/actions/webhooks/rotate-webhook-secret";
import { updateOutboundWebhookAction } from "@/lib/actions/webhooks/update-outbound-webhook";
import { OUTBOUND_EVENT_LABELS, OUTBOUND_EVENTS } from "@/lib/domain/outbound-events";

const EVENT_OPTIONS = OUTBOUND_EVENTS.map((event) => ({ id: event, name: OUTBOUND_EVENT_LABELS[event] }));

function SecretOnce({ secret, label }: { secret: string; label: string }) {
  return (
    <div
      role="status"
      className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-600/20"
    >
      <p className="font-medium">{label} Copy the signing secret now: it is shown only once.</p>
      <input
        readOnly
        value={secret}
        aria-label="Signing secret"
        onFocus={(e) => e.currentTarget.select()}
        className={`${inputClasses} font-mono`}
      />
      <p className="text-xs">
        Receivers check <span className="font-mono">X-Faultline-Signature</span> with it; see docs/webhooks.md.
      </p>
    </div>
  );
}

/** Name, URL and events of an outbound webhook or a Slack destination (a webhook of kind SLACK). */
export function WebhookFields({
  fieldErrors,
  defaults,
  kind = defaults?.kind ?? "WEBHOOK",
}: {
  fieldErrors: Record<string, string[] | undefined>;
  defaults?: { name: string; url: string; events: string[]; kind?: string };
  kind?: string;
}) {
  const slack = kind === "SLACK";
  // A stored Slack URL is shown masked (not a URL any more); a new one replaces it.
  const masked = slack && defaults !== undefined;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Name
          <input
            name="name"
            defaultValue={defaults?.name}
            placeholder={slack ? "e.g. #incidents" : "e.g. Slack #incidents bridge"}
            className={`${inputClasses} mt-1`}
            aria-invalid={Boolean(fieldErrors.name)}
          />
          <FieldError errors={fieldErrors.name} />
        </label>
        <label className="block text-sm font-medium">
          {masked
            ? "Incoming-webhook URL (shown masked; paste a new one to replace it)"
            : slack
              ? "Incoming-webhook URL"
              : "Payload URL"}
          <input
            name="url"
            type={masked ? "text" : "url"}
            autoComplete="off"
            defaultValue={defaults?.url}
            placeholder={slack ? "https://hooks.slack.com/services/…" : "https://hooks.example.com/faultline"}
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
          selected={defaults?.events ?? []}
          size="md"
          legendClassName="text-sm font-medium"
        />
        <FieldError errors={fieldErrors.events} />
      </div>
    </>
  );
}

/** Registers a receiver and shows its secret once. */
export function CreateWebhookForm() {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(createOutboundWebhookAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Register a webhook" className="space-y-4">
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.secret ? (
        <SecretOnce secret={state.data.secret} label={`“${state.data.name}” registered.`} />
      ) : null}
      <WebhookFields fieldErrors={fieldErrors} />
      <Button type="submit" disabled={pending}>
        Register webhook
      </Button>
    </form>
  );
}

export function EditWebhookForm({
  hook,
}: {
  hook: { id: number; name: string; url: string; events: string[]; active: boolean; kind?: string };
}) {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(updateOutboundWebhookAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit webhook" className="space-y-4">
      <input type="hidden" name="webhookId" value={hook.id} />
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.message ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
        >
          {state.message}
        </p>
      ) : null}
      <WebhookFields fieldErrors={fieldErrors} defaults={hook} />
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="active" defaultChecked={hook.active} className="accent-indigo-600" />
        Active (events are queued and delivered)
      </label>
      <Button type="submit" disabled={pending}>
        Save webhook
      </Button>
    </form>
  );
}

export function RotateSecretForm({ webhookId }: { webhookId: number }) {
  const { state, pending, onSubmit } = useActionForm(rotateWebhookSecretAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Rotate secret" className="space-y-3">
      <input type="hidden" name="webhookId" value={webhookId} />
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.secret ? (
        <SecretOnce secret={state.data.secret} label="New secret in use from the next attempt." />
      ) : null}
      <p className="text-sm text-slate-600">
        The old secret stops working at once: update the receiver right after rotating.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        Rotate secret
      </Button>
    </form>
  );
}
