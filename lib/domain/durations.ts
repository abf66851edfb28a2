// Time to detect / mitigate / resolve, from the incident's stamps (PRODUCT.md):
// while a stage is open its duration counts up to now.

export type IncidentStamps = {
  impactStartedAt: Date;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

export type IncidentDurations = {
  toDetectMs: number | null;
  toMitigateMs: number | null;
  toResolveMs: number;
  mitigateOngoing: boolean;
  resolveOngoing: boolean;
};

const span = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());

export function incidentDurations(stamps: IncidentStamps, now: Date): IncidentDurations {
  const { impactStartedAt, detectedAt, mitigatedAt, resolvedAt } = stamps;
  // A resolved incident without a mitigation stamp was mitigated by its resolution.
  const mitigationEnd = mitigatedAt ?? resolvedAt;
  return {
    toDetectMs: detectedAt ? span(impactStartedAt, detectedAt) : null,
    toMitigateMs: span(impactStartedAt, mitigationEnd ?? now),
    toResolveMs: span(impactStartedAt, resolvedAt ?? now),
    mitigateOngoing: mitigationEnd === null,
    resolveOngoing: resolvedAt === null,
  };
}
