import "server-only";
import { zonedMidnight, addDays } from "@/lib/domain/weeks";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes, getIncidentOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

/** Where a page of rows ends: the next page starts after this (time, id), in keyset order. */
export type RowCursor = { at: Date; id: number };
type Page = { after?: RowCursor | null; take?: number };

const afterCursor = (field: "impactStartedAt" | "shippedAt", after?: RowCursor | null) =>
  after ? { OR: [{ [field]: { gt: after.at } }, { [field]: after.at, id: { gt: after.id } }] } : {};

/**
 * The incidents whose impact started in the week, with what the report shows of them (AI link
 * as defined in SQL), in (impact started, id) order: a page of `take` after `after`, or all.
 */
export async function listWeekIncidents(monday: string, timeZone: string, page: Page = {}) {
  const rows = await getDb().incident.findMany({
    where: {
      impactStartedAt: { gte: zonedMidnight(monday, timeZone), lt: zonedMidnight(addDays(monday, 7), timeZone) },
      ...afterCursor("impactStartedAt", page.after),
    },
    orderBy: [{ impactStartedAt: "asc" }, { id: "asc" }],
    take: page.take,
    select: {
      id: true,
      title: true,
      severity: true,
      status: true,
      impactStartedAt: true,
      detectedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      blastRadiusLevel: true,
      customerImpactPct: true,
      failedTransactions: true,
      reviewStatus: true,
      commander: { select: { name: true } },
      services: { select: { service: { select: { name: true } } } },
      regions: { select: { region: { select: { code: true } } } },
      capabilities: { select: { capability: { select: { name: true } } } },
      changes: { select: { role: true, change: { select: { id: true, aiAssisted: true } } } },
    },
  });
  const outcomes = await getIncidentOutcomes(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, aiLinked: outcomes.get(row.id)?.aiLinked ?? false }));
}

/** The changes that shipped in the week, with whether they failed and their approval compliance as defined in SQL; paged like listWeekIncidents. */
export async function listWeekChanges(monday: string, timeZone: string, page: Page = {}) {
  const rows = await getDb().change.findMany({
    where: {
      shippedAt: { gte: zonedMidnight(monday, timeZone), lt: zonedMidnight(addDays(monday, 7), timeZone) },
      ...afterCursor("shippedAt", page.after),
    },
    orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
    take: page.take,
    select: {
      id: true,
      source: true,
      externalId: true,
      kind: true,
      title: true,
      repository: true,
      shippedAt: true,
      rolledBackAt: true,
      aiAssisted: true,
      aiInvolvement: true,
      authorLevel: true,
      approvalRequired: true,
      approvalState: true,
      approvalDecidedAt: true,
      service: { select: { name: true } },
      author: { select: { name: true } },
      aiTool: { select: { name: true } },
      incidents: { select: { role: true, incidentId: true } },
    },
  });
  const outcomes = await getChangeOutcomes(rows.map((row) => row.id));
  return rows.map((row) => ({
    ...row,
    failed: outcomes.get(row.id)?.failed ?? false,
    compliance: outcomes.get(row.id)?.compliance ?? "NOT_REQUIRED",
  }));
}
export type WeekIncident = Awaited<ReturnType<typeof listWeekIncidents>>[number];
export type WeekChange = Awaited<ReturnType<typeof listWeekChanges>>[number];
