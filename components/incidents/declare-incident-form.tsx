"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormAlert, inputClasses } from "@/components/ui/field";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { declareIncidentAction } from "@/lib/actions/incidents/declare-incident";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/domain/severity";

type ServiceOption = { id: number; name: string; teamName: string };

export function DeclareIncidentForm({ services }: { services: ServiceOption[] }) {
  const { state, pending, onSubmit, fieldErrors: errors } = useActionForm(declareIncidentAction);
  const teams = [...new Set(services.map((s) => s.teamName))];

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormAlert message={state.message} />
      <Field
        id="title"
        label="What is broken?"
        hint="A short, specific title, e.g. “Checkout returns 502 for EU customers”."
        errors={errors.title}
      >
        <input
          id="title"
          name="title"
          autoFocus
          required
          maxLength={200}
          aria-invalid={Boolean(errors.title)}
          className={inputClasses}
        />
      </Field>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Severity</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {SEVERITIES.map((severity) => (
            <label
              key={severity}
              className="flex cursor-pointer flex-col rounded-md bg-white p-3 ring-1 ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600"
            >
              <span className="flex items-center gap-2 text-sm font-semibold">
                <input
                  type="radio"
                  name="severity"
                  value={severity}
                  defaultChecked={severity === "SEV2"}
                  className="accent-indigo-600"
                />
                {SEVERITY_INFO[severity].label}
              </span>
              <span className="mt-1 text-xs text-slate-500">{SEVERITY_INFO[severity].description}</span>
            </label>
          ))}
        </div>
        {errors.severity?.map((m) => (
          <p key={m} className="mt-1 text-xs font-medium text-red-600">
            {m}
          </p>
        ))}
      </fieldset>

      <Field
        id="impactStartedAtLocal"
        label="Impact started"
        hint="Your local time. Defaults to now; set it earlier if the impact began before anyone noticed."
        errors={errors.impactStartedAt}
      >
        <LocalDateTimeInput
          id="impactStartedAtLocal"
          name="impactStartedAt"
          defaultNow
          invalid={Boolean(errors.impactStartedAt)}
        />
      </Field>

      <Field
        id="serviceIds"
        label="Affected services"
        hint="Hold Ctrl (⌘ on a Mac) to pick several."
        errors={errors.serviceIds}
      >
        <select
          id="serviceIds"
          name="serviceIds"
          multiple
          size={Math.min(10, services.length + teams.length)}
          aria-invalid={Boolean(errors.serviceIds)}
          className={inputClasses}
        >
          {teams.map((team) => (
            <optgroup key={team} label={team}>
              {services
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

      <div className="flex items-center gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Declaring…" : "Declare incident"}
        </Button>
        <ButtonLink href="/incidents" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
