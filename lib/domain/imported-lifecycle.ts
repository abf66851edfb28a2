// The times of an incident brought in from another tool, checked as one history:
// impact started ≤ detected ≤ mitigated ≤ resolved ≤ review completed.
import type { IncidentStatus } from "./severity";

export type ImportedTimes = {
  impactStartedAt: Date;
  detectedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
  reviewCompletedAt?: Date | null;
};

const ORDER = ["impactStartedAt", "detectedAt", "mitigatedAt", "resolvedAt", "reviewCompletedAt"] as const;

/** Messages per field, on the later of two times out of order; empty when the history reads forward. */
export function lifecycleOrderErrors(times: ImportedTimes): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  let previous: { field: (typeof ORDER)[number]; at: Date } | null = null;
  for (const field of ORDER) {
    const at = times[field];
    if (!at) continue;
    if (previous && at.getTime() < previous.at.getTime())
      errors[field] = [`Must not be before ${previous.field} (${previous.at.toISOString()}).`];
    previous = { field, at };
  }
  if (times.reviewCompletedAt && !times.resolvedAt)
    (errors.reviewCompletedAt ??= []).push("A review completes after resolution: send resolvedAt too.");
  return errors;
}

/**
 * The stored shape of an imported history: detection defaults to the impact start, a
 * resolution without a mitigation time was mitigated when resolved (as the app stamps it),
 * and the status follows the last time given.
 */
export function importedLifecycle(times: ImportedTimes): {
  detectedAt: Date;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  status: IncidentStatus;
} {
  const resolvedAt = times.resolvedAt ?? null;
  const mitigatedAt = times.mitigatedAt ?? resolvedAt;
  return {
    detectedAt: times.detectedAt ?? times.impactStartedAt,
    mitigatedAt,
    resolvedAt,
    status: resolvedAt ? "RESOLVED" : mitigatedAt ? "MONITORING" : "INVESTIGATING",
  };
}
