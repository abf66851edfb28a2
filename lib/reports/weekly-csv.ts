// CSV exports of the weekly report. Column names are stable: docs/weekly-report.md lists them.
import { stringify } from "csv-stringify/sync";
import { approvalCompliance } from "@/lib/domain/approval-policy";
import { isChangeFailed, isIncidentAiLinked } from "@/lib/domain/change-failure";
import type { WeekChange, WeekIncident } from "@/lib/server/queries/reports/list-week-rows";

const iso = (date: Date | null) => (date ? date.toISOString() : "");
/** Booleans as "true"/"false" (csv-stringify's default is "1"/""). */
const options = { header: true, cast: { boolean: (value: boolean) => (value ? "true" : "false") } };

export const INCIDENT_COLUMNS = [
  "incident_id",
  "title",
  "severity",
  "status",
  "impact_started_at",
  "detected_at",
  "mitigated_at",
  "resolved_at",
  "duration_minutes",
  "blast_radius_level",
  "customer_impact_pct",
  "failed_transactions",
  "services",
  "regions",
  "capabilities",
  "commander",
  "review_status",
  "ai_linked",
  "originating_change_ids",
] as const;

export function incidentsCsv(incidents: WeekIncident[], now: Date): string {
  const rows = incidents.map((i) => [
    i.id,
    i.title,
    i.severity,
    i.status,
    iso(i.impactStartedAt),
    iso(i.detectedAt),
    iso(i.mitigatedAt),
    iso(i.resolvedAt),
    Math.round(((i.resolvedAt ?? now).getTime() - i.impactStartedAt.getTime()) / 60_000),
    i.blastRadiusLevel,
    i.customerImpactPct === null ? "" : Number(i.customerImpactPct),
    i.failedTransactions ?? "",
    i.services.map((s) => s.service.name).join(";"),
    i.regions.map((r) => r.region.code).join(";"),
    i.capabilities.map((c) => c.capability.name).join(";"),
    i.commander?.name ?? "",
    i.reviewStatus,
    isIncidentAiLinked(i.changes.map((l) => ({ role: l.role, aiAssisted: l.change.aiAssisted }))),
    i.changes.map((l) => `${l.change.id}:${l.role}`).join(";"),
  ]);
  return stringify(rows, { ...options, columns: [...INCIDENT_COLUMNS] });
}

export const CHANGE_COLUMNS = [
  "change_id",
  "source",
  "external_id",
  "kind",
  "title",
  "service",
  "repository",
  "author",
  "author_level",
  "shipped_at",
  "rolled_back_at",
  "ai_assisted",
  "ai_tool",
  "ai_involvement",
  "approval_required",
  "approval_state",
  "approval_decided_at",
  "approval_outcome",
  "failed",
  "incident_links",
] as const;

export function changesCsv(changes: WeekChange[]): string {
  const rows = changes.map((c) => [
    c.id,
    c.source,
    c.externalId ?? "",
    c.kind,
    c.title,
    c.service.name,
    c.repository ?? "",
    c.author?.name ?? "",
    c.authorLevel ?? "",
    iso(c.shippedAt),
    iso(c.rolledBackAt),
    c.aiAssisted,
    c.aiTool?.name ?? "",
    c.aiInvolvement ?? "",
    c.approvalRequired,
    c.approvalState,
    iso(c.approvalDecidedAt),
    approvalCompliance(c),
    isChangeFailed({ rolledBackAt: c.rolledBackAt, linkRoles: c.incidents.map((l) => l.role) }),
    c.incidents.map((l) => `${l.incidentId}:${l.role}`).join(";"),
  ]);
  return stringify(rows, { ...options, columns: [...CHANGE_COLUMNS] });
}
