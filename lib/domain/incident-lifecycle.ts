// The incident status lifecycle: investigating → identified → monitoring → resolved.
// Steps may be skipped forward (a fix found at once goes straight to monitoring) and an
// incident may go back (monitoring shows the fix did not hold, or it is reopened).
import { INCIDENT_STATUSES, type IncidentStatus } from "./severity";

export type StatusStamps = { mitigatedAt: Date | null; resolvedAt: Date | null };

const rank = (status: IncidentStatus) => INCIDENT_STATUSES.indexOf(status);

/**
 * The stamps after moving to `to` at `at`: reaching monitoring or resolved stamps the
 * mitigation (once: the first mitigation stands); resolving stamps the resolution;
 * leaving resolved clears it, so the duration counts up to now again.
 */
export function stampsForTransition(current: StatusStamps, to: IncidentStatus, at: Date): StatusStamps {
  return {
    mitigatedAt: current.mitigatedAt ?? (rank(to) >= rank("MONITORING") ? at : null),
    resolvedAt: to === "RESOLVED" ? at : null,
  };
}
