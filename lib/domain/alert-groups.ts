// Pure rules for Alertmanager alert groups: which severity a group maps to, which alerts
// are new, and how a delivery is recognised when Alertmanager sends it again.
import type { Severity } from "./severity";

export type AlertFacts = {
  status: "firing" | "resolved";
  labels: Record<string, string>;
  fingerprint: string;
  startsAt: Date;
  endsAt: Date | null;
};
export type SeverityMapping = {
  severityLabel: string;
  severities: Record<string, Severity>;
  defaultSeverity: Severity;
};

export const DEFAULT_SEVERITY_MAPPING: SeverityMapping = {
  severityLabel: "severity",
  severities: { critical: "SEV1", page: "SEV2", high: "SEV2", error: "SEV2", warning: "SEV3", info: "SEV4" },
  defaultSeverity: "SEV3",
};

/** "SEV1" sorts before "SEV2": the smaller string is the more severe. */
export const moreSevere = (a: Severity, b: Severity): Severity => (a < b ? a : b);

/** The most severe mapping over the alerts (an alert's own label, else the group's common label). */
export function groupSeverity(
  alerts: AlertFacts[],
  commonLabels: Record<string, string>,
  mapping: SeverityMapping,
): Severity {
  const severities = alerts.map((alert) => {
    const value = alert.labels[mapping.severityLabel] ?? commonLabels[mapping.severityLabel];
    return value === undefined
      ? mapping.defaultSeverity
      : (mapping.severities[value.trim().toLowerCase()] ?? mapping.defaultSeverity);
  });
  return severities.length ? severities.reduce(moreSevere) : mapping.defaultSeverity;
}

/**
 * The dedupe key of a delivery: the group, its status and every alert's fingerprint and
 * times. Alertmanager resends an unchanged group on every repeat_interval and retries
 * failed posts: those get the same key; a new alert, a resolution or a re-fire does not.
 */
export function alertDeliveryKey(
  integrationId: number,
  groupKey: string,
  status: string,
  alerts: AlertFacts[],
  digest: (text: string) => string,
): string {
  const parts = alerts
    .map(
      (alert) =>
        `${alert.fingerprint}|${alert.status}|${alert.startsAt.toISOString()}|${alert.endsAt?.toISOString() ?? ""}`,
    )
    .sort();
  return `am:${digest(JSON.stringify([integrationId, groupKey, status, parts]))}`;
}

/** Alertmanager writes "0001-01-01T00:00:00Z" for "no end yet". */
export function parseEndsAt(value: string | undefined | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 ? null : date;
}

/** The prefix of every incident key of one group: `<integration id>:<group key>#`. */
export const groupKeyPrefix = (integrationId: number, groupKey: string) => `${integrationId}:${groupKey}#`;

/**
 * Whether a firing delivery belongs to the group's latest incident or starts a new one.
 * Same episode while the incident is unmitigated; after mitigation (Alertmanager said
 * "resolved", or a person said so), only alerts that started later make a new incident.
 */
export function firingEpisode(
  latest: { mitigatedAt: Date | null; resolvedAt: Date | null } | null,
  firing: AlertFacts[],
): { kind: "new"; alerts: AlertFacts[] } | { kind: "same" } {
  if (!latest) return { kind: "new", alerts: firing };
  const cutoff = latest.mitigatedAt ?? latest.resolvedAt;
  if (!cutoff) return { kind: "same" };
  const later = firing.filter((alert) => alert.startsAt > cutoff);
  return later.length ? { kind: "new", alerts: later } : { kind: "same" };
}

export const earliestStart = (alerts: AlertFacts[]): Date =>
  new Date(Math.min(...alerts.map((alert) => alert.startsAt.getTime())));
