"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { changeIncidentSeverityAction } from "@/lib/actions/incidents/change-incident-severity";
import { updateIncidentStatusAction } from "@/lib/actions/incidents/update-incident-status";
import {
  INCIDENT_STATUSES,
  SEVERITIES,
  SEVERITY_INFO,
  STATUS_LABELS,
  type IncidentStatus,
  type Severity,
} from "@/lib/domain/severity";

const NEXT_STATUS: Record<IncidentStatus, IncidentStatus> = {
  INVESTIGATING: "IDENTIFIED",
  IDENTIFIED: "MONITORING",
  MONITORING: "RESOLVED",
  RESOLVED: "INVESTIGATING",
};

export function StatusAndSeverity({
  incidentId,
  version,
  status,
  severity,
}: {
  incidentId: number;
  version: number;
  status: IncidentStatus;
  severity: Severity;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ActionForm
        action={updateIncidentStatusAction}
        hidden={{ incidentId, version }}
        resetOnSuccess
        label="Update status"
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        {({ fieldErrors, pending }) => (
          <>
            <label htmlFor="status" className="block text-xs font-semibold uppercase tracking-wide text-slate-500">
              Status
            </label>
            <div className="flex gap-2">
              <select id="status" name="status" defaultValue={NEXT_STATUS[status]} className={inputClasses}>
                {INCIDENT_STATUSES.filter((s) => s !== status).map((s) => (
                  <option key={s} value={s}>
                    {status === "RESOLVED" ? `Reopen: ${STATUS_LABELS[s]}` : STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
              <Button type="submit" disabled={pending} className="shrink-0">
                Update status
              </Button>
            </div>
            <FieldError errors={fieldErrors.status} />
            <input
              name="note"
              aria-label="Status note"
              placeholder="Optional note for the timeline"
              className={inputClasses}
            />
            <FieldError errors={fieldErrors.note} />
          </>
        )}
      </ActionForm>
      <ActionForm
        action={changeIncidentSeverityAction}
        hidden={{ incidentId, version }}
        resetOnSuccess
        label="Change severity"
        className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        {({ fieldErrors, pending }) => (
          <>
            <label htmlFor="severity" className="block text-xs font-semibold uppercase tracking-wide text-slate-500">
              Severity
            </label>
            <div className="flex gap-2">
              <select
                id="severity"
                name="severity"
                defaultValue={SEVERITIES.find((s) => s !== severity)}
                className={inputClasses}
              >
                {SEVERITIES.filter((s) => s !== severity).map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_INFO[s].label}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">
                Change severity
              </Button>
            </div>
            <FieldError errors={fieldErrors.severity} />
            <input
              name="reason"
              aria-label="Reason for the severity change"
              placeholder="Why? (required)"
              className={inputClasses}
              aria-invalid={Boolean(fieldErrors.reason)}
            />
            <FieldError errors={fieldErrors.reason} />
          </>
        )}
      </ActionForm>
    </div>
  );
}
