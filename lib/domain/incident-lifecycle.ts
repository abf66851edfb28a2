// The incident status lifecycle: investigating → identified → monitoring → resolved.
// Steps may be skipped forward (a fix found at once goes straight to monitoring) and an
// incident may go back (monitoring shows the fix did not hold); each transition stamps
// its time once.
import { INCIDENT_STATUSES, type IncidentStatus } from "./severity";

export type StatusStamps = { mitigatedAt: Date | null; resolvedAt: Date | null };

const rank = (status: IncidentStatus) => INCIDENT_STATUSES.indexOf(status);

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return from !== to;
}

/**
 * The stamps after moving to `to` at `at`: reaching monitoring (or resolving without it)
 * stamps mitigation; resolving stamps resolution; reopening clears the resolution (the
 * duration then counts up to now again) but keeps the first mitigation.
 */
export function stampsForTransition(current: StatusStamps, to: IncidentStatus, at: Date): StatusStamps {
  const next = { ...current };
  if (rank(to) >= rank("MONITORING") && next.mitigatedAt === null) next.mitigatedAt = at;
  if (to === "RESOLVED") next.resolvedAt = at;
  else next.resolvedAt = null;
  return next;
}
