// Builds the weekly report model from the report queries' results (pure: no I/O).
import { approvalCompliance } from "@/lib/domain/approval-policy";
import { isChangeFailed, isIncidentAiLinked } from "@/lib/domain/change-failure";
import { secondsBetween } from "@/lib/domain/format";
import { addDays } from "@/lib/domain/weeks";
import { changeFiltersToParams } from "@/lib/schemas/change-filters";
import { incidentFiltersToParams } from "@/lib/schemas/incident-filters";
import type { WeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import type { WeekChange, WeekIncident } from "@/lib/server/queries/reports/list-week-rows";
import { reportHeadlines } from "./report-headline";
import type { ChangeRow, IncidentRow, ReportActionItem, ReportMeta, WeeklyReportModel } from "./weekly-report-model";

type Sources = { report: WeeklyReport };
type MetaInput = Omit<ReportMeta, "monday" | "sunday" | "baseUrl"> & { baseUrl: string };
type Item = WeeklyReport["actionItems"]["overdue"][number];

export function buildWeeklyReportModel({ report }: Sources, input: MetaInput): WeeklyReportModel {
  const { monday, dashboard } = report;
  const meta: ReportMeta = { ...input, monday, sunday: addDays(monday, 6), baseUrl: input.baseUrl.replace(/\/+$/, "") };
  const incidentUrl = (id: number) => `${meta.baseUrl}/incidents/${id}`;
  const changeUrl = (id: number) => `${meta.baseUrl}/changes/${id}`;
  const duration = (i: { impactStartedAt: Date; resolvedAt: Date | null }) =>
    secondsBetween(i.impactStartedAt, i.resolvedAt ?? meta.generatedAt);
  const item = (a: Item): ReportActionItem => ({
    id: a.id,
    title: a.title,
    dueDate: a.dueDate.toISOString().slice(0, 10),
    completedAt: a.completedAt,
    owner: a.owner?.name ?? null,
    incident: { id: a.incident.id, url: incidentUrl(a.incident.id), title: a.incident.title },
  });
  const thisWeek = dashboard.resolve.find((r) => r.week === monday && r.severity === "ALL");
  const week = { from: monday, to: meta.sunday };
  const majorUrl = `${meta.baseUrl}/incidents?${incidentFiltersToParams({ severity: ["SEV1", "SEV2"], ...week })}`;
  const violationsUrl = `${meta.baseUrl}/changes?${changeFiltersToParams({ violation: true, ...week })}`;

  return {
    meta,
    extents: {
      majorIncidents: { total: report.majorIncidentCount, url: majorUrl },
      violations: { total: report.violationCount, url: violationsUrl },
    },
    actionItemTotals: report.actionItemTotals,
    headlines: reportHeadlines(dashboard).map(({ label, unit, headline }) => ({ label, unit, ...headline })),
    timeToResolve: {
      resolved: thisWeek?.resolved ?? 0,
      medianHours: thisWeek?.medianHours ?? null,
      p90Hours: thisWeek?.p90Hours ?? null,
    },
    majorIncidents: report.majorIncidents.map((i) => ({
      id: i.id,
      url: incidentUrl(i.id),
      title: i.title,
      severity: i.severity,
      status: i.status,
      impactStartedAt: i.impactStartedAt,
      resolvedAt: i.resolvedAt,
      durationSeconds: duration(i),
      blastRadiusLevel: i.blastRadiusLevel,
      customerImpactPct: i.customerImpactPct === null ? null : Number(i.customerImpactPct),
      failedTransactions: i.failedTransactions,
      services: i.services.map((s) => s.service.name),
      regions: i.regions.map((r) => r.region.code),
      commander: i.commander?.name ?? null,
      reviewStatus: i.reviewStatus,
      changeCount: i._count.changes,
      changes: i.changes.map(({ role, change }) => ({
        id: change.id,
        url: changeUrl(change.id),
        title: change.title,
        role,
        aiAssisted: change.aiAssisted,
        aiTool: change.aiTool?.name ?? null,
        aiInvolvement: change.aiInvolvement,
        authorLevel: change.authorLevel,
        approvalRequired: change.approvalRequired,
        approvalState: change.approvalState,
        approvalDecidedAt: change.approvalDecidedAt,
        shippedAt: change.shippedAt,
        compliance: approvalCompliance(change),
      })),
    })),
    violations: report.violations.map((c) => ({
      id: c.id,
      url: changeUrl(c.id),
      title: c.title,
      shippedAt: c.shippedAt!,
      service: c.service.name,
      author: c.author?.name ?? null,
      authorLevel: c.authorLevel,
      aiTool: c.aiTool?.name ?? null,
      approvalState: c.approvalState,
      incidents: c.incidents.map((l) => ({ ...l.incident, url: incidentUrl(l.incident.id), role: l.role })),
    })),
    actionItems: {
      dueThisWeek: report.actionItems.dueThisWeek.map(item),
      overdue: report.actionItems.overdue.map(item),
      completed: report.actionItems.completed.map(item),
    },
    dashboard,
  };
}

/** One incidents.csv row; open incidents count up to `now`. */
export function toIncidentRow(i: WeekIncident, now: Date): IncidentRow {
  const durationSeconds = secondsBetween(i.impactStartedAt, i.resolvedAt ?? now);
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    impactStartedAt: i.impactStartedAt,
    detectedAt: i.detectedAt,
    mitigatedAt: i.mitigatedAt,
    resolvedAt: i.resolvedAt,
    durationSeconds,
    blastRadiusLevel: i.blastRadiusLevel,
    customerImpactPct: i.customerImpactPct === null ? null : Number(i.customerImpactPct),
    failedTransactions: i.failedTransactions,
    services: i.services.map((s) => s.service.name),
    regions: i.regions.map((r) => r.region.code),
    capabilities: i.capabilities.map((c) => c.capability.name),
    commander: i.commander?.name ?? null,
    reviewStatus: i.reviewStatus,
    aiLinked: isIncidentAiLinked(i.changes.map((l) => ({ role: l.role, aiAssisted: l.change.aiAssisted }))),
    links: i.changes.map((l) => ({ changeId: l.change.id, role: l.role })),
  };
}

/** One changes.csv row. */
export function toChangeRow(c: WeekChange): ChangeRow {
  return {
    id: c.id,
    source: c.source,
    externalId: c.externalId,
    kind: c.kind,
    title: c.title,
    service: c.service.name,
    repository: c.repository,
    author: c.author?.name ?? null,
    authorLevel: c.authorLevel,
    shippedAt: c.shippedAt,
    rolledBackAt: c.rolledBackAt,
    aiAssisted: c.aiAssisted,
    aiTool: c.aiTool?.name ?? null,
    aiInvolvement: c.aiInvolvement,
    approvalRequired: c.approvalRequired,
    approvalState: c.approvalState,
    approvalDecidedAt: c.approvalDecidedAt,
    compliance: approvalCompliance(c),
    failed: isChangeFailed({ rolledBackAt: c.rolledBackAt, linkRoles: c.incidents.map((l) => l.role) }),
    links: c.incidents.map((l) => ({ incidentId: l.incidentId, role: l.role })),
  };
}
