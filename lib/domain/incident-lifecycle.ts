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

export type StatusAction = { status: IncidentStatus; label: string };

/**
 * The buttons an incident offers from `status`: every later step in lifecycle order (the next
 * one first; steps may be skipped), and Reopen once resolved. Monitoring is what the page calls
 * "mitigated": reaching it stamps the mitigation.
 */
export function nextStatusActions(status: IncidentStatus): StatusAction[] {
  if (status === "RESOLVED") return [{ status: "INVESTIGATING", label: "Reopen" }];
  const labels: Record<Exclude<IncidentStatus, "INVESTIGATING">, string> = {
    IDENTIFIED: "Mark identified",
    MONITORING: "Mark mitigated",
    RESOLVED: "Resolve",
  };
  return INCIDENT_STATUSES.filter((s): s is Exclude<IncidentStatus, "INVESTIGATING"> => rank(s) > rank(status)).map(
    (s) => ({ status: s, label: labels[s] }),
  );
}

/** The review and action items belong after mitigation (or once someone has started them). */
export function showsReview(incident: { status: IncidentStatus; mitigatedAt: Date | null }): boolean {
  return incident.mitigatedAt !== null || incident.status === "MONITORING" || incident.status === "RESOLVED";
}
