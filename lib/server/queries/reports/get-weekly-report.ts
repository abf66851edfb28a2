import "server-only";
import { addDays, zonedMidnight } from "@/lib/domain/weeks";
import { getDb } from "@/lib/server/db";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { REPORT_CHANGES_PER_INCIDENT, REPORT_LIST_LIMIT } from "@/lib/reports/weekly-report-model";
import { getChangeOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

/**
 * The weekly review (TWiST) for the week starting `monday`: the dashboard's own queries
 * over the 12 weeks ending with it (so the numbers always agree), plus the lists the
 * meeting walks through — each list bounded (REPORT_LIST_LIMIT) with its total, so the
 * report's size does not grow with the week's volume.
 */
export async function getWeeklyReport(options: { monday: string; timeZone: string; now: Date }) {
  const { monday, timeZone, now } = options;
  const weekEnd = addDays(monday, 7);
  const from = zonedMidnight(monday, timeZone);
  const to = zonedMidnight(weekEnd, timeZone);
  const db = getDb();

  const dashboard = await getDashboard(
    { from: addDays(monday, -77), to: weekEnd, timeZone, teamIds: [], serviceIds: [] },
    now,
  );

  const majorWhere = { severity: { in: ["SEV1" as const, "SEV2" as const] }, impactStartedAt: { gte: from, lt: to } };
  const majorIncidentCount = await db.incident.count({ where: majorWhere });
  const majorIncidentRows = await db.incident.findMany({
    where: majorWhere,
    orderBy: [{ severity: "asc" }, { impactStartedAt: "asc" }, { id: "asc" }],
    take: REPORT_LIST_LIMIT,
    select: {
      id: true,
      title: true,
      severity: true,
      status: true,
      impactStartedAt: true,
      resolvedAt: true,
      blastRadiusLevel: true,
      customerImpactPct: true,
      failedTransactions: true,
      reviewStatus: true,
      commander: { select: { name: true } },
      services: { select: { service: { select: { name: true } } } },
      regions: { select: { region: { select: { code: true } } } },
      _count: { select: { changes: true } },
      changes: {
        orderBy: [{ role: "asc" }, { changeId: "asc" }],
        take: REPORT_CHANGES_PER_INCIDENT,
        select: {
          role: true,
          change: {
            select: {
              id: true,
              title: true,
              aiAssisted: true,
              aiInvolvement: true,
              authorLevel: true,
              approvalRequired: true,
              approvalState: true,
              approvalDecidedAt: true,
              shippedAt: true,
              aiTool: { select: { name: true } },
            },
          },
        },
      },
    },
  });

  // Each linked change's approval compliance, as the "ChangeOutcome" view defines it.
  const linked = await getChangeOutcomes(majorIncidentRows.flatMap((i) => i.changes.map((l) => l.change.id)));
  const majorIncidents = majorIncidentRows.map((incident) => ({
    ...incident,
    changes: incident.changes.map((link) => ({
      ...link,
      change: { ...link.change, compliance: linked.get(link.change.id)?.compliance ?? "NOT_REQUIRED" },
    })),
  }));

  // Policy violations shipped this week, as the "ChangeOutcome" view defines them.
  const [violationIds, [{ violationCount }]] = await Promise.all([
    db.$queryRaw<Array<{ id: number }>>`
      SELECT id FROM "ChangeOutcome" WHERE compliance = 'VIOLATION' AND "shippedAt" >= ${from} AND "shippedAt" < ${to}
      ORDER BY "shippedAt", id LIMIT ${REPORT_LIST_LIMIT}`,
    db.$queryRaw<Array<{ violationCount: number }>>`
      SELECT count(*)::int AS "violationCount" FROM "ChangeOutcome"
      WHERE compliance = 'VIOLATION' AND "shippedAt" >= ${from} AND "shippedAt" < ${to}`,
  ]);
  const violations = await db.change.findMany({
    where: { id: { in: violationIds.map((row) => row.id) } },
    orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      shippedAt: true,
      approvalState: true,
      approvalDecidedAt: true,
      approvalRequired: true,
      authorLevel: true,
      author: { select: { name: true } },
      aiTool: { select: { name: true } },
      service: { select: { name: true } },
      incidents: {
        orderBy: [{ role: "asc" }, { incidentId: "asc" }],
        take: REPORT_CHANGES_PER_INCIDENT,
        select: { role: true, incident: { select: { id: true, title: true, severity: true } } },
      },
    },
  });

  const actionItemSelect = {
    id: true,
    title: true,
    dueDate: true,
    completedAt: true,
    owner: { select: { name: true } },
    incident: { select: { id: true, title: true } },
  } as const;
  const mondayDate = new Date(`${monday}T00:00:00.000Z`);
  const endDate = new Date(`${weekEnd}T00:00:00.000Z`);
  const due = { dueDate: { gte: mondayDate, lt: endDate } };
  const late = { completedAt: null, dueDate: { lt: mondayDate } };
  const done = { completedAt: { gte: from, lt: to } };
  const take = REPORT_LIST_LIMIT;
  const [dueThisWeek, overdue, completed, dueCount, overdueCount, completedCount] = await Promise.all([
    db.actionItem.findMany({
      where: due,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take,
      select: actionItemSelect,
    }),
    db.actionItem.findMany({
      where: late,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take,
      select: actionItemSelect,
    }),
    db.actionItem.findMany({
      where: done,
      orderBy: [{ completedAt: "asc" }, { id: "asc" }],
      take,
      select: actionItemSelect,
    }),
    db.actionItem.count({ where: due }),
    db.actionItem.count({ where: late }),
    db.actionItem.count({ where: done }),
  ]);

  return {
    monday,
    dashboard,
    majorIncidents,
    majorIncidentCount,
    violations,
    violationCount,
    actionItems: { dueThisWeek, overdue, completed },
    actionItemTotals: { dueThisWeek: dueCount, overdue: overdueCount, completed: completedCount },
  };
}
export type WeeklyReport = Awaited<ReturnType<typeof getWeeklyReport>>;
