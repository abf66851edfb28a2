"use client";

import { useRef, useState } from "react";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { changeIncidentSeverityAction } from "@/lib/actions/incidents/change-incident-severity";
import { updateIncidentDetailsAction } from "@/lib/actions/incidents/update-incident-details";
import { updateIncidentStatusAction } from "@/lib/actions/incidents/update-incident-status";
import { nextStatusActions } from "@/lib/domain/incident-lifecycle";
import { SEVERITIES, SEVERITY_INFO, type IncidentStatus, type Severity } from "@/lib/domain/severity";

type Props = {
  incidentId: number;
  version: number;
  status: IncidentStatus;
  severity: Severity;
  title: string;
  summary: string;
  commanderId: number | null;
  userId: number;
};

/** The incident's next steps as explicit buttons: acknowledge, move the status on, raise or lower severity. */
export function IncidentActions(props: Props) {
  const { incidentId, version } = props;
  const steps = nextStatusActions(props.status);
  return (
    <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {props.commanderId === null ? (
        <ActionForm
          action={updateIncidentDetailsAction}
          hidden={{ incidentId, version, title: props.title, summary: props.summary, commanderId: props.userId }}
          label="Acknowledge"
          className="flex flex-wrap items-center gap-3"
        >
          {({ pending }) => (
            <>
              <Button type="submit" disabled={pending}>
                Acknowledge
              </Button>
              <span className="text-sm text-slate-600">Nobody commands this incident yet: take it on.</span>
            </>
          )}
        </ActionForm>
      ) : null}
      <ActionForm
        action={updateIncidentStatusAction}
        hidden={{ incidentId, version }}
        resetOnSuccess
        label="Update status"
        className="space-y-2"
      >
        {({ fieldErrors, pending }) => (
          <>
            <div className="flex flex-wrap items-end gap-2">
              <label className="block min-w-0 grow basis-56 text-xs font-medium text-slate-700">
                Status note <span className="font-normal text-slate-500">(optional, goes on the timeline)</span>
                <input
                  name="note"
                  maxLength={2000}
                  placeholder="e.g. Pool exhaustion on checkout-api"
                  className={`${inputClasses} mt-1`}
                  aria-invalid={Boolean(fieldErrors.note)}
                />
              </label>
              {steps.map((step, index) => (
                <Button
                  key={step.status}
                  type="submit"
                  name="status"
                  value={step.status}
                  variant={index === 0 && props.commanderId !== null ? "primary" : "secondary"}
                  disabled={pending}
                >
                  {step.label}
                </Button>
              ))}
            </div>
            <FieldError errors={fieldErrors.status} />
            <FieldError errors={fieldErrors.note} />
          </>
        )}
      </ActionForm>
      <SeverityChange incidentId={incidentId} version={version} severity={props.severity} />
    </div>
  );
}

/** "Raise or lower severity": a reason first, then one button per other severity; nothing is preselected. */
function SeverityChange({
  incidentId,
  version,
  severity,
}: {
  incidentId: number;
  version: number;
  severity: Severity;
}) {
  const [open, setOpen] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const current = SEVERITIES.indexOf(severity);
  return (
    <div className="border-t border-slate-100 pt-3">
      <Button
        type="button"
        variant="ghost"
        aria-expanded={open}
        aria-controls={`severity-${incidentId}`}
        onClick={() => {
          setOpen(!open);
          if (!open) setTimeout(() => reasonRef.current?.focus(), 0);
        }}
        className="px-2 py-1"
      >
        Raise or lower severity (now {SEVERITY_INFO[severity].label})
      </Button>
      <div id={`severity-${incidentId}`} hidden={!open}>
        <ActionForm
          action={changeIncidentSeverityAction}
          hidden={{ incidentId, version }}
          resetOnSuccess
          label="Change severity"
          feedbackAtEnd
          className="mt-2 space-y-2"
        >
          {({ fieldErrors, pending }) => (
            <>
              <label className="block text-xs font-medium text-slate-700">
                Reason for the severity change
                <textarea
                  ref={reasonRef}
                  name="reason"
                  rows={2}
                  maxLength={500}
                  placeholder="Why? (required)"
                  className={`${inputClasses} mt-1`}
                  aria-invalid={Boolean(fieldErrors.reason)}
                />
              </label>
              <FieldError errors={fieldErrors.reason} />
              <div className="flex flex-wrap gap-2">
                {SEVERITIES.map((s, index) =>
                  index === current ? null : (
                    <Button key={s} type="submit" name="severity" value={s} variant="secondary" disabled={pending}>
                      {index < current ? "Raise" : "Lower"} to {SEVERITY_INFO[s].label}
                    </Button>
                  ),
                )}
              </div>
              <FieldError errors={fieldErrors.severity} />
            </>
          )}
        </ActionForm>
      </div>
    </div>
  );
}
