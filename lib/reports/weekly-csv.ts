// CSV exports of the weekly report, rendered from the report model. Column names are
// stable: docs/weekly-report.md lists them. The export route streams them in batches
// (lib/server/queries/reports/week-csv-stream.ts) with the same cells.
import { wholeMinutes } from "@/lib/domain/format";
import { type CsvCell, csvInstant as iso, toCsv } from "./csv";
import type { ChangeRow, IncidentRow } from "./weekly-report-model";

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

export function incidentsCsv(rows: IncidentRow[]): string {
  return toCsv(INCIDENT_COLUMNS, rows.map(incidentCells));
}

export function incidentCells(i: IncidentRow): CsvCell[] {
  return [
    i.id,
    i.title,
    i.severity,
    i.status,
    iso(i.impactStartedAt),
    iso(i.detectedAt),
    iso(i.mitigatedAt),
    iso(i.resolvedAt),
    wholeMinutes(i.durationSeconds),
    i.blastRadiusLevel,
    i.customerImpactPct ?? "",
    i.failedTransactions ?? "",
    i.services.join(";"),
    i.regions.join(";"),
    i.capabilities.join(";"),
    i.commander ?? "",
    i.reviewStatus,
    i.aiLinked,
    i.links.map((l) => `${l.changeId}:${l.role}`).join(";"),
  ];
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

export function changesCsv(rows: ChangeRow[]): string {
  return toCsv(CHANGE_COLUMNS, rows.map(changeCells));
}

export function changeCells(c: ChangeRow): CsvCell[] {
  return [
    c.id,
    c.source,
    c.externalId ?? "",
    c.kind,
    c.title,
    c.service,
    c.repository ?? "",
    c.author ?? "",
    c.authorLevel ?? "",
    iso(c.shippedAt),
    iso(c.rolledBackAt),
    c.aiAssisted,
    c.aiTool ?? "",
    c.aiInvolvement ?? "",
    c.approvalRequired,
    c.approvalState,
    iso(c.approvalDecidedAt),
    c.compliance,
    c.failed,
    c.links.map((l) => `${l.incidentId}:${l.role}`).join(";"),
  ];
}
