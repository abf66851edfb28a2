export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_INFO: Record<Severity, { label: string; description: string }> = {
  SEV1: { label: "Sev1", description: "Critical: a core customer capability is down or data is at risk." },
  SEV2: { label: "Sev2", description: "Major: significant degradation that needs a quick response." },
  SEV3: { label: "Sev3", description: "Minor: limited impact, a workaround exists." },
  SEV4: { label: "Sev4", description: "Low: cosmetic or internal-only impact." },
};

export const INCIDENT_STATUSES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};
