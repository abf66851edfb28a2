"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormAlert, inputClasses, SelectField } from "@/components/ui/field";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { ServiceMultiSelect } from "@/components/ui/service-multi-select";
import { useActionForm } from "@/components/ui/use-action-form";
import { declareIncidentAction } from "@/lib/actions/incidents/declare-incident";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/domain/severity";

type ServiceOption = { id: number; name: string; teamName: string };
type Option = { id: number; name: string };

export type DeclareFormOptions = {
  services: ServiceOption[];
  people: Option[];
  teams: Option[];
  regions: Option[];
  capabilities: Option[];
  /** The person declaring: the commander unless someone else is chosen. */
  me: number;
};

export function DeclareIncidentForm({ options }: { options: DeclareFormOptions }) {
  const { state, pending, onSubmit, fieldErrors: errors } = useActionForm(declareIncidentAction);

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-label="Declare an incident">
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
          aria-describedby={errors.title ? "title-error" : "title-hint"}
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
              <span className="mt-1 text-xs text-slate-600">{SEVERITY_INFO[severity].description}</span>
            </label>
          ))}
        </div>
        {errors.severity?.map((m) => (
          <p key={m} className="mt-1 text-xs font-medium text-red-700">
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
        hint="Type to search by service or team; pick as many as you need."
        errors={errors.serviceIds}
      >
        <ServiceMultiSelect
          id="serviceIds"
          name="serviceIds"
          options={options.services.map((s) => ({ id: s.id, name: s.name, group: s.teamName }))}
          invalid={Boolean(errors.serviceIds)}
          describedBy={errors.serviceIds ? "serviceIds-error" : "serviceIds-hint"}
        />
      </Field>

      <Field
        id="summary"
        label="Summary (optional)"
        hint="What people see and what you know so far."
        errors={errors.summary}
      >
        <textarea
          id="summary"
          name="summary"
          rows={3}
          maxLength={5000}
          aria-invalid={Boolean(errors.summary)}
          className={inputClasses}
        />
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="commanderId"
          name="commanderId"
          label="Commander"
          hint="Leads the response; you by default."
          options={options.people.map((p) => ({
            value: p.id,
            label: p.id === options.me ? `${p.name} (you)` : p.name,
          }))}
          defaultValue={String(options.me)}
          errors={errors.commanderId}
        />
        <SelectField
          id="teamId"
          name="teamId"
          label="Responding team (optional)"
          placeholder="Not decided yet"
          options={options.teams.map((t) => ({ value: t.id, label: t.name }))}
          defaultValue=""
          errors={errors.teamId}
        />
      </div>

      <details className="group rounded-md ring-1 ring-slate-200" open={hasAny(errors, BLAST_FIELDS)}>
        <summary className="cursor-pointer rounded-md px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Blast radius and a suspected change (optional)
        </summary>
        <div className="space-y-4 border-t border-slate-200 px-4 py-4">
          <Field id="regionIds" label="Regions" errors={errors.regionIds}>
            <ServiceMultiSelect
              id="regionIds"
              name="regionIds"
              noun="region"
              placeholder="Type to search regions…"
              options={options.regions}
              invalid={Boolean(errors.regionIds)}
            />
          </Field>
          <Field id="capabilityIds" label="Customer-facing capabilities" errors={errors.capabilityIds}>
            <ServiceMultiSelect
              id="capabilityIds"
              name="capabilityIds"
              noun="capability"
              placeholder="Checkout, sign-in, search…"
              options={options.capabilities}
              invalid={Boolean(errors.capabilityIds)}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="customerImpactPct" label="Customers or requests affected (%)" errors={errors.customerImpactPct}>
              <input
                id="customerImpactPct"
                name="customerImpactPct"
                inputMode="decimal"
                aria-invalid={Boolean(errors.customerImpactPct)}
                className={inputClasses}
              />
            </Field>
            <Field id="failedTransactions" label="Failed orders / transactions" errors={errors.failedTransactions}>
              <input
                id="failedTransactions"
                name="failedTransactions"
                inputMode="numeric"
                aria-invalid={Boolean(errors.failedTransactions)}
                className={inputClasses}
              />
            </Field>
          </div>
          <Field
            id="suspectedChangeId"
            label="Suspected change"
            hint="Its number from the Changes page, e.g. 1234; it is linked as suspected."
            errors={errors.suspectedChangeId}
          >
            <input
              id="suspectedChangeId"
              name="suspectedChangeId"
              inputMode="numeric"
              placeholder="#"
              aria-invalid={Boolean(errors.suspectedChangeId)}
              aria-describedby={errors.suspectedChangeId ? "suspectedChangeId-error" : "suspectedChangeId-hint"}
              className={`${inputClasses} sm:max-w-48`}
            />
          </Field>
        </div>
      </details>

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

const BLAST_FIELDS = ["regionIds", "capabilityIds", "customerImpactPct", "failedTransactions", "suspectedChangeId"];
const hasAny = (errors: Record<string, string[] | undefined>, keys: string[]) => keys.some((k) => errors[k]?.length);
