"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxChips } from "@/components/ui/checkbox-chips";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { ServiceMultiSelect } from "@/components/ui/service-multi-select";
import { updateBlastRadiusAction } from "@/lib/actions/incidents/update-blast-radius";
import type { BlastRadiusLevel } from "@/lib/domain/blast-radius";
import { BlastRadiusBadge } from "../incident-badges";

type Option = { id: number; name: string };

export function BlastRadiusPanel(props: {
  incidentId: number;
  version: number;
  level: BlastRadiusLevel;
  reason: string;
  /** With their team, so the service picker searches and groups by team as the declare form does. */
  services: Array<Option & { teamName?: string }>;
  regions: Option[];
  capabilities: Option[];
  selected: { serviceIds: number[]; regionIds: number[]; capabilityIds: number[] };
  customerImpactPct: number | null;
  failedTransactions: number | null;
  canWrite: boolean;
}) {
  return (
    <Panel title="Blast radius" actions={<BlastRadiusBadge level={props.level} />}>
      <p className="mb-4 text-xs text-slate-500">
        Why: {props.reason}.{" "}
        <a href="/help/definitions" className="underline">
          The rule
        </a>
        .
      </p>
      {props.canWrite ? <BlastRadiusForm {...props} /> : <BlastRadiusFacts {...props} />}
    </Panel>
  );
}

type Props = Parameters<typeof BlastRadiusPanel>[0];

const names = (options: Option[], ids: number[]) =>
  options
    .filter((o) => ids.includes(o.id))
    .map((o) => o.name)
    .join(", ") || "None recorded";

/** What a reader sees: the recorded facts as text, not a form they cannot use. */
function BlastRadiusFacts(props: Props) {
  const facts: Array<[string, string]> = [
    ["Affected services", names(props.services, props.selected.serviceIds)],
    ["Regions", names(props.regions, props.selected.regionIds)],
    ["Customer-facing capabilities", names(props.capabilities, props.selected.capabilityIds)],
    [
      "Customers or requests affected",
      props.customerImpactPct === null ? "Not recorded" : `${props.customerImpactPct}%`,
    ],
    [
      "Failed orders / transactions",
      props.failedTransactions === null ? "Not recorded" : props.failedTransactions.toLocaleString("en"),
    ],
  ];
  return (
    <dl className="space-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function BlastRadiusForm(props: Props) {
  const { incidentId, version, selected } = props;
  return (
    <ActionForm
      action={updateBlastRadiusAction}
      hidden={{ incidentId, version }}
      label="Blast radius"
      feedbackAtEnd
      savedMessage="Blast radius saved."
      className="space-y-4"
    >
      {({ fieldErrors, pending }) => (
        <div className="space-y-4">
          <div className="space-y-1.5">
            <label
              htmlFor="blast-serviceIds"
              className="block text-xs font-semibold uppercase tracking-wide text-slate-500"
            >
              Affected services
            </label>
            <ServiceMultiSelect
              id="blast-serviceIds"
              name="serviceIds"
              options={props.services.map((s) => ({ id: s.id, name: s.name, group: s.teamName }))}
              defaultSelected={selected.serviceIds}
              invalid={Boolean(fieldErrors.serviceIds)}
              describedBy={fieldErrors.serviceIds ? "blast-serviceIds-error" : undefined}
            />
            <FieldError id="blast-serviceIds-error" errors={fieldErrors.serviceIds} />
          </div>
          <CheckboxChips legend="Regions" name="regionIds" options={props.regions} selected={selected.regionIds} />
          <CheckboxChips
            legend="Customer-facing capabilities"
            name="capabilityIds"
            options={props.capabilities}
            selected={selected.capabilityIds}
          />
          <div className="grid grid-cols-2 gap-3">
            <label className="text-xs font-medium text-slate-700">
              Customers or requests affected (%)
              <input
                name="customerImpactPct"
                inputMode="decimal"
                defaultValue={props.customerImpactPct ?? ""}
                className={`${inputClasses} mt-1`}
                aria-invalid={Boolean(fieldErrors.customerImpactPct)}
              />
              <FieldError errors={fieldErrors.customerImpactPct} />
            </label>
            <label className="text-xs font-medium text-slate-700">
              Failed orders / transactions
              <input
                name="failedTransactions"
                inputMode="numeric"
                defaultValue={props.failedTransactions ?? ""}
                className={`${inputClasses} mt-1`}
                aria-invalid={Boolean(fieldErrors.failedTransactions)}
              />
              <FieldError errors={fieldErrors.failedTransactions} />
            </label>
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Save blast radius
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
