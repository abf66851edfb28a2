"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormAlert, inputClasses, SelectField } from "@/components/ui/field";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerChangeAction } from "@/lib/actions/changes/register-change";
import { AiAssistanceFields } from "./ai-assistance-fields";
import { CHANGE_KINDS, CHANGE_KIND_LABELS, LEVEL_LABELS, type Level } from "@/lib/domain/change";

type Option = { id: number; name: string };

export function RegisterChangeForm(props: {
  services: Array<Option & { teamName: string }>;
  people: Array<Option & { level: Level }>;
  aiTools: Option[];
  currentUserId: number;
  /** Managers and admins may register a change on someone else's behalf; everyone else is the author. */
  canChooseAuthor: boolean;
}) {
  const { state, pending, onSubmit, fieldErrors: errors } = useActionForm(registerChangeAction);
  const teams = [...new Set(props.services.map((s) => s.teamName))];

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert message={state.message} />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField
          id="kind"
          name="kind"
          label="Kind"
          options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))}
          defaultValue="DEPLOY"
          errors={errors.kind}
        />
        <Field id="change-title" label="Title" errors={errors.title} className="sm:col-span-2">
          <input
            id="change-title"
            name="title"
            required
            maxLength={300}
            placeholder="e.g. Raise checkout-api connection pool to 200"
            aria-invalid={Boolean(errors.title)}
            className={inputClasses}
          />
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="serviceId" label="Service" errors={errors.serviceId}>
          <select
            id="serviceId"
            name="serviceId"
            defaultValue=""
            aria-invalid={Boolean(errors.serviceId)}
            className={inputClasses}
          >
            <option value="" disabled>
              Choose a service…
            </option>
            {teams.map((team) => (
              <optgroup key={team} label={team}>
                {props.services
                  .filter((s) => s.teamName === team)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        {props.canChooseAuthor ? (
          <SelectField
            id="authorId"
            name="authorId"
            label="Author"
            hint="The person whose work it is; their level now is recorded. You are recorded as having registered it for them."
            options={props.people.map((p) => ({
              value: p.id,
              label: `${p.name} (${LEVEL_LABELS[p.level].toLowerCase()})`,
            }))}
            defaultValue={props.currentUserId}
            errors={errors.authorId}
          />
        ) : null}
        <Field id="repository" label="Repository" errors={errors.repository}>
          <input id="repository" name="repository" placeholder="org/repo" className={inputClasses} />
        </Field>
        <Field
          id="externalId"
          label="External id"
          hint="PR number, deploy id or flag key; unique per source."
          errors={errors.externalId}
        >
          <input id="externalId" name="externalId" className={inputClasses} aria-invalid={Boolean(errors.externalId)} />
        </Field>
        <Field
          id="externalUrl"
          label="Link"
          hint="To the diff, PR or deploy."
          errors={errors.externalUrl}
          className="sm:col-span-2"
        >
          <input
            id="externalUrl"
            name="externalUrl"
            type="url"
            placeholder="https://…"
            className={inputClasses}
            aria-invalid={Boolean(errors.externalUrl)}
          />
        </Field>
      </div>
      <Field
        id="shippedAtLocal"
        label="Shipped at"
        hint="Your local time. Leave empty if it has not shipped yet."
        errors={errors.shippedAt}
      >
        <LocalDateTimeInput id="shippedAtLocal" name="shippedAt" invalid={Boolean(errors.shippedAt)} />
      </Field>

      <AiAssistanceFields aiTools={props.aiTools} errors={errors} />

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register change"}
        </Button>
        <ButtonLink href="/changes" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
