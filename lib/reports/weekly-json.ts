// The weekly report in the API's stable JSON shape (apiWeeklyReportSchema), rendered from
// the report model: the same numbers as the page and the files.
import { wholeMinutes } from "@/lib/domain/format";
import type { z } from "zod";
import type { apiWeeklyReportSchema } from "@/lib/schemas/api/metrics";
import { toApiMetrics } from "@/lib/server/api/metrics-response";
import type { ReportActionItem, WeeklyReportModel } from "./weekly-report-model";

export type ApiWeeklyReport = z.infer<typeof apiWeeklyReportSchema>;

const item = (a: ReportActionItem) => ({ ...a, completedAt: a.completedAt?.toISOString() ?? null });

export function weeklyReportJson(model: WeeklyReportModel): ApiWeeklyReport {
  const { meta } = model;
  return {
    week: meta.isoWeek,
    monday: meta.monday,
    timeZone: meta.timeZone,
    url: `${meta.baseUrl}/reports/weekly/${meta.isoWeek}`,
    majorIncidentCount: model.extents.majorIncidents.total,
    majorIncidentsUrl: model.extents.majorIncidents.url,
    violationCount: model.extents.violations.total,
    violationsUrl: model.extents.violations.url,
    actionItemCounts: model.actionItemTotals,
    majorIncidents: model.majorIncidents.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      severity: i.severity,
      status: i.status,
      impactStartedAt: i.impactStartedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      durationMinutes: wholeMinutes(i.durationSeconds),
      blastRadiusLevel: i.blastRadiusLevel,
      services: [...i.services].sort(),
      changes: i.changes.map((c) => ({
        id: c.id,
        url: c.url,
        title: c.title,
        role: c.role,
        aiAssisted: c.aiAssisted,
        aiTool: c.aiTool,
        aiInvolvement: c.aiInvolvement,
        authorLevel: c.authorLevel,
        approvalState: c.approvalState,
        compliance: c.compliance,
      })),
    })),
    violations: model.violations.map((c) => ({
      id: c.id,
      url: c.url,
      title: c.title,
      shippedAt: c.shippedAt.toISOString(),
      service: c.service,
      author: c.author,
      approvalState: c.approvalState,
    })),
    actionItems: {
      dueThisWeek: model.actionItems.dueThisWeek.map(item),
      overdue: model.actionItems.overdue.map(item),
      completed: model.actionItems.completed.map(item),
    },
    metrics: toApiMetrics(model.dashboard, { teams: [], services: [] }),
  };
}
