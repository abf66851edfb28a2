// Which history file an admin dropped on Admin → Import, and its rows turned into what the
// import services take. Pure: services are named here, resolved against the database later.
import { SEVERITIES, type Severity } from "@/lib/domain/severity";

export type CsvFormat = "pagerduty" | "faultline-incidents" | "faultline-changes";

export const FORMAT_LABELS: Record<CsvFormat, string> = {
  pagerduty: "PagerDuty incident export",
  "faultline-incidents": "Faultline incidents.csv",
  "faultline-changes": "Faultline changes.csv",
};

export type IncidentRow = {
  kind: "incident";
  source: string;
  externalId: string;
  title: string;
  severity: Severity;
  impactStartedAt: Date;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  services: string[];
};

export type ChangeRow = {
  kind: "change";
  source: string;
  externalId: string;
  changeKind: string;
  title: string;
  service: string;
  repository: string | null;
  aiAssisted: boolean;
  aiTool: string | null;
  shippedAt: Date | null;
  rolledBackAt: Date | null;
};

export type MappedRow = { row: IncidentRow | ChangeRow; errors: [] } | { row: null; errors: string[] };

/** Header names compared without case, spaces, dashes or underscores: "Created At" = created_at. */
export const normaliseHeader = (name: string) => name.toLowerCase().replace(/[\s_\-]+/g, "");

/** PagerDuty's incident export (Incidents → Download CSV and Analytics' raw incident data): the column spellings we accept. */
const PD = {
  id: ["id", "incidentid"],
  number: ["incidentnumber", "number", "#"],
  title: ["title", "description", "summary"],
  created: ["createdon", "createdat", "created"],
  resolved: ["resolvedon", "resolvedat", "resolved"],
  service: ["servicename", "service"],
  urgency: ["urgency"],
  priority: ["priority", "priorityname"],
};

export function detectFormat(headers: string[]): CsvFormat | null {
  const has = new Set(headers.map(normaliseHeader));
  if (has.has("incidentid") && has.has("impactstartedat") && has.has("severity")) return "faultline-incidents";
  if (has.has("changeid") && has.has("externalid") && has.has("shippedat")) return "faultline-changes";
  const any = (names: string[]) => names.some((name) => has.has(name));
  if ((any(PD.number) || any(PD.id)) && any(PD.created) && any(PD.service) && any(PD.title)) return "pagerduty";
  return null;
}

type Record_ = Record<string, string>;
const pick = (record: Record_, names: string[]) => {
  for (const name of names) {
    const value = record[name]?.trim();
    if (value) return value;
  }
  return "";
};

function instant(value: string, column: string, errors: string[], required = false): Date | null {
  if (!value) {
    if (required) errors.push(`${column} is empty.`);
    return null;
  }
  // A date and time with an offset (ISO 8601 or "2026-08-04 08:00:00 +0200"); no guessing of time zones.
  const normalised = value
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, "$1T$2")
    .replace(/ ?([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const at = new Date(normalised);
  if (!/(Z|[+-]\d{2}:\d{2})$/i.test(normalised) || Number.isNaN(at.getTime())) {
    errors.push(`${column} "${value}" is not a date and time with a time zone (e.g. 2026-08-04T08:00:00Z).`);
    return null;
  }
  return at;
}

/** PagerDuty priority P1–P4 → Sev1–Sev4 (P5 → Sev4); without a priority, urgency high → Sev2, low → Sev3. */
export function severityOfPagerDuty(priority: string, urgency: string): Severity | null {
  const p = /^p([1-5])$/i.exec(priority.trim());
  if (p) return SEVERITIES[Math.min(Number(p[1]), 4) - 1];
  if (/^high$/i.test(urgency.trim())) return "SEV2";
  if (/^low$/i.test(urgency.trim())) return "SEV3";
  return null;
}

export function mapRow(format: CsvFormat, raw: Record_): MappedRow {
  const record = Object.fromEntries(Object.entries(raw).map(([key, value]) => [normaliseHeader(key), value ?? ""]));
  const errors: string[] = [];
  if (format === "faultline-changes") {
    const row: ChangeRow = {
      kind: "change",
      source: "faultline",
      externalId: pick(record, ["changeid"]),
      changeKind: pick(record, ["kind"]).toUpperCase(),
      title: pick(record, ["title"]),
      service: pick(record, ["service"]),
      repository: pick(record, ["repository"]) || null,
      aiAssisted: /^(true|1|yes)$/i.test(pick(record, ["aiassisted"])),
      aiTool: pick(record, ["aitool"]) || null,
      shippedAt: instant(pick(record, ["shippedat"]), "shipped_at", errors),
      rolledBackAt: instant(pick(record, ["rolledbackat"]), "rolled_back_at", errors),
    };
    if (!row.externalId) errors.push("change_id is empty.");
    if (row.title.length < 3) errors.push("title needs at least 3 characters.");
    if (!row.service) errors.push("service is empty.");
    return errors.length ? { row: null, errors } : { row, errors: [] };
  }
  const pagerduty = format === "pagerduty";
  const severity = pagerduty
    ? severityOfPagerDuty(pick(record, PD.priority), pick(record, PD.urgency))
    : (SEVERITIES.find((s) => s === pick(record, ["severity"]).toUpperCase()) ?? null);
  if (!severity)
    errors.push(
      pagerduty ? "Neither priority (P1–P5) nor urgency (high/low) is given." : "severity must be SEV1–SEV4.",
    );
  const created = pagerduty ? instant(pick(record, PD.created), "created_at", errors, true) : null;
  const row: IncidentRow = {
    kind: "incident",
    source: pagerduty ? "pagerduty" : "faultline",
    externalId: pagerduty ? pick(record, [...PD.number, ...PD.id]) : pick(record, ["incidentid"]),
    title: pick(record, pagerduty ? PD.title : ["title"]),
    severity: severity ?? "SEV3",
    // PagerDuty knows when it was triggered, which is as early as we know the impact.
    impactStartedAt: pagerduty
      ? created!
      : instant(pick(record, ["impactstartedat"]), "impact_started_at", errors, true)!,
    detectedAt: pagerduty ? created : instant(pick(record, ["detectedat"]), "detected_at", errors),
    mitigatedAt: pagerduty ? null : instant(pick(record, ["mitigatedat"]), "mitigated_at", errors),
    resolvedAt: instant(pick(record, pagerduty ? PD.resolved : ["resolvedat"]), "resolved_at", errors),
    services: pick(record, pagerduty ? PD.service : ["services"])
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
  if (!row.externalId) errors.push(pagerduty ? "incident_number is empty." : "incident_id is empty.");
  if (row.title.length < 3) errors.push("title needs at least 3 characters.");
  if (row.services.length === 0) errors.push("No service is named.");
  return errors.length ? { row: null, errors } : { row, errors: [] };
}
