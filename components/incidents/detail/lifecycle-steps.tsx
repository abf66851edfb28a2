import { cn } from "@/components/ui/cn";
import { INCIDENT_STATUSES, type IncidentStatus } from "@/lib/domain/severity";

const STEP_LABELS: Record<IncidentStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Mitigated (monitoring)",
  RESOLVED: "Resolved",
};

/** Where the incident is in its life: Investigating → Identified → Mitigated → Resolved. */
export function LifecycleSteps({ status }: { status: IncidentStatus }) {
  const current = INCIDENT_STATUSES.indexOf(status);
  return (
    <ol aria-label="Lifecycle" className="flex flex-wrap items-center gap-x-1 gap-y-1 text-xs">
      {INCIDENT_STATUSES.map((step, index) => (
        <li
          key={step}
          aria-current={index === current ? "step" : undefined}
          className={cn(
            "flex items-center gap-1 rounded-full px-2.5 py-1 font-medium",
            index === current
              ? "bg-indigo-600 text-white"
              : index < current
                ? "bg-slate-100 text-slate-700"
                : "text-slate-600 ring-1 ring-inset ring-slate-200",
          )}
        >
          {index < current ? <span aria-hidden>✓</span> : null}
          {STEP_LABELS[step]}
          {index === current ? <span className="sr-only"> (current)</span> : null}
        </li>
      ))}
    </ol>
  );
}
