import "server-only";
import { addDays, zonedMidnight } from "@/lib/domain/weeks";
import { getDb } from "@/lib/server/db";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { getChangeOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

/**
 * The weekly review (TWiST) for the week starting `monday`: the dashboard's own queries
 * over the 12 weeks ending with it (so the numbers always agree), plus the lists the
 * meeting walks through.
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

  const majorIncidentRows = await db.incident.findMany({
    where: { severity: { in: ["SEV1", "SEV2"] }, impactStartedAt: { gte: from, lt: to } },
    orderBy: [{ severity: "asc" }, { impactStartedAt: "asc" }],
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
      changes: {
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
  const violationIds = await db.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM "ChangeOutcome" WHERE compliance = 'VIOLATION' AND "shippedAt" >= ${from} AND "shippedAt" < ${to}`;
  const violations = await db.change.findMany({
    where: { id: { in: violationIds.map((row) => row.id) } },
    orderBy: { shippedAt: "asc" },
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
      incidents: { select: { role: true, incident: { select: { id: true, title: true, severity: true } } } },
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
  const [dueThisWeek, overdue, completed] = await Promise.all([
    db.actionItem.findMany({
      where: { dueDate: { gte: mondayDate, lt: endDate } },
      orderBy: { dueDate: "asc" },
      select: actionItemSelect,
    }),
    db.actionItem.findMany({
      where: { completedAt: null, dueDate: { lt: mondayDate } },
      orderBy: { dueDate: "asc" },
      take: 100,
      select: actionItemSelect,
    }),
    db.actionItem.findMany({
      where: { completedAt: { gte: from, lt: to } },
      orderBy: { completedAt: "asc" },
      select: actionItemSelect,
    }),
  ]);

  return { monday, dashboard, majorIncidents, violations, actionItems: { dueThisWeek, overdue, completed } };
}
export type WeeklyReport = Awaited<ReturnType<typeof getWeeklyReport>>;
