import { approvalCompliance } from "@/lib/domain/approval-policy";
import { isoWeekToMonday } from "@/lib/domain/weeks";
import { isDayInRange } from "@/lib/schemas/dates";
import { apiRoute, json } from "@/lib/server/api/api-route";
import { toApiMetrics } from "@/lib/server/api/metrics-response";
import { AppError } from "@/lib/server/errors";
import { getWeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

/** The weekly review (TWiST) for an ISO week, as JSON: the same numbers as the report page and its files. */
export const GET = apiRoute<{ week: string }>("read", async ({ params, origin }) => {
  const monday = isoWeekToMonday(params.week);
  if (!monday) throw new AppError("NOT_FOUND", `"${params.week}" is not an ISO week such as 2026-W47.`);
  if (!isDayInRange(monday))
    throw new AppError("VALIDATION", "Ask for a week from 2000-W01 up to the current one.", {
      fieldErrors: { week: ["From 2000-W01 up to this week."] },
    });
  const { timeZone } = await getOrgSettings();
  const now = new Date();
  const report = await getWeeklyReport({ monday, timeZone, now });
  const incidentUrl = (id: number) => `${origin}/incidents/${id}`;
  const changeUrl = (id: number) => `${origin}/changes/${id}`;
  const item = (a: (typeof report.actionItems.overdue)[number]) => ({
    id: a.id,
    title: a.title,
    dueDate: a.dueDate.toISOString().slice(0, 10),
    completedAt: a.completedAt?.toISOString() ?? null,
    owner: a.owner?.name ?? null,
    incident: { id: a.incident.id, url: incidentUrl(a.incident.id), title: a.incident.title },
  });
  return json({
    week: params.week,
    monday,
    timeZone,
    url: `${origin}/reports/weekly/${params.week}`,
    majorIncidents: report.majorIncidents.map((incident) => ({
      id: incident.id,
      url: incidentUrl(incident.id),
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      impactStartedAt: incident.impactStartedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      durationMinutes: Math.floor(
        ((incident.resolvedAt?.getTime() ?? now.getTime()) - incident.impactStartedAt.getTime()) / 60_000,
      ),
      blastRadiusLevel: incident.blastRadiusLevel,
      services: incident.services.map((s) => s.service.name).sort(),
      changes: incident.changes.map(({ role, change }) => ({
        id: change.id,
        url: changeUrl(change.id),
        title: change.title,
        role,
        aiAssisted: change.aiAssisted,
        aiTool: change.aiTool?.name ?? null,
        aiInvolvement: change.aiInvolvement,
        authorLevel: change.authorLevel,
        approvalState: change.approvalState,
        compliance: approvalCompliance(change),
      })),
    })),
    violations: report.violations.map((change) => ({
      id: change.id,
      url: changeUrl(change.id),
      title: change.title,
      shippedAt: change.shippedAt!.toISOString(),
      service: change.service.name,
      author: change.author?.name ?? null,
      approvalState: change.approvalState,
    })),
    actionItems: {
      dueThisWeek: report.actionItems.dueThisWeek.map(item),
      overdue: report.actionItems.overdue.map(item),
      completed: report.actionItems.completed.map(item),
    },
    metrics: toApiMetrics(report.dashboard, { teams: [], services: [] }),
  });
});
