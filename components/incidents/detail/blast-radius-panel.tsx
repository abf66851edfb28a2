"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { updateBlastRadiusAction } from "@/lib/actions/incidents/update-blast-radius";
import type { BlastRadiusLevel } from "@/lib/domain/blast-radius";
import { BlastRadiusBadge } from "../incident-badges";

type Option = { id: number; name: string };

function CheckboxGroup({ legend, name, options, selected }: { legend: string; name: string; options: Option[]; selected: number[] }) {
  return (
    <fieldset>
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-1.5">
        {options.map((option) => (
          <label key={option.id} className="flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-xs ring-1 ring-inset ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500">
            <input type="checkbox" name={name} value={option.id} defaultChecked={selected.includes(option.id)} className="accent-indigo-600" />
            {option.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function BlastRadiusPanel(props: {
  incidentId: number;
  version: number;
  level: BlastRadiusLevel;
  reason: string;
  services: Option[];
  regions: Option[];
  capabilities: Option[];
  selected: { serviceIds: number[]; regionIds: number[]; capabilityIds: number[] };
  customerImpactPct: number | null;
  failedTransactions: number | null;
  canWrite: boolean;
}) {
  const { incidentId, version, selected } = props;
  return (
    <Panel title="Blast radius" actions={<BlastRadiusBadge level={props.level} />}>
      <p className="mb-4 text-xs text-slate-500">Why: {props.reason}. <a href="/help/definitions" className="underline">The rule</a>.</p>
      <ActionForm action={updateBlastRadiusAction} hidden={{ incidentId, version }} label="Blast radius" className="space-y-4">
        {({ fieldErrors, pending }) => (
          <fieldset disabled={!props.canWrite} className="space-y-4">
            <CheckboxGroup legend="Affected services" name="serviceIds" options={props.services} selected={selected.serviceIds} />
            <FieldError errors={fieldErrors.serviceIds} />
            <CheckboxGroup legend="Regions" name="regionIds" options={props.regions} selected={selected.regionIds} />
            <CheckboxGroup legend="Customer-facing capabilities" name="capabilityIds" options={props.capabilities} selected={selected.capabilityIds} />
            <div className="grid grid-cols-2 gap-3">
              <label className="text-xs font-medium text-slate-700">
                Customers or requests affected (%)
                <input name="customerImpactPct" inputMode="decimal" defaultValue={props.customerImpactPct ?? ""} className={`${inputClasses} mt-1`} aria-invalid={Boolean(fieldErrors.customerImpactPct)} />
                <FieldError errors={fieldErrors.customerImpactPct} />
              </label>
              <label className="text-xs font-medium text-slate-700">
                Failed orders / transactions
                <input name="failedTransactions" inputMode="numeric" defaultValue={props.failedTransactions ?? ""} className={`${inputClasses} mt-1`} aria-invalid={Boolean(fieldErrors.failedTransactions)} />
                <FieldError errors={fieldErrors.failedTransactions} />
              </label>
            </div>
            {props.canWrite ? <Button type="submit" variant="secondary" disabled={pending}>Save blast radius</Button> : null}
          </fieldset>
        )}
      </ActionForm>
    </Panel>
  );
}
