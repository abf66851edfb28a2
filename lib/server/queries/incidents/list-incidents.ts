import "server-only";
import { HIGH_OR_WORSE } from "@/lib/domain/blast-radius";
import { dateRangeProblem } from "@/lib/schemas/dates";
import { FAILING_LINK_ROLES } from "@/lib/domain/change-failure";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BlastRadiusLevel, IncidentStatus, Severity } from "@/lib/generated/prisma/enums";
import { incidentTimeRange, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { recordIdOf } from "@/lib/schemas/search-params";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes, getIncidentOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

export type IncidentListRow = {
  id: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  blastRadiusLevel: BlastRadiusLevel;
  impactStartedAt: Date;
  resolvedAt: Date | null;
  /** Time to resolve; for open incidents, up to now. */
  durationMs: number;
  services: string[];
  /** A trigger or root-cause change was AI-assisted. */
  aiLinked: boolean;
  /** A linked change (any role) shipped without its required approval. */
  policyViolation: boolean;
};

export type IncidentCursor = { impactStartedAt: Date; id: number };

export function incidentWhere(filters: IncidentFilters, timeZone: string): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  if (filters.severity.length) and.push({ severity: { in: filters.severity } });
  if (filters.status.length) and.push({ status: { in: filters.status } });
  if (filters.serviceIds.length) and.push({ services: { some: { serviceId: { in: filters.serviceIds } } } });
  if (filters.teamIds.length) and.push({ services: { some: { service: { teamId: { in: filters.teamIds } } } } });
  const range = incidentTimeRange(filters, timeZone);
  if (range.gte || range.lt) and.push({ impactStartedAt: range });
  // IncidentOutcome's "aiLinked" and "highBlast" (prisma/definitions.sql) as Prisma conditions,
  // pinned to the view by lib/server/queries/list-filters-definitions.property.test.ts.
  if (filters.aiLinked)
    and.push({ changes: { some: { role: { in: [...FAILING_LINK_ROLES] }, change: { aiAssisted: true } } } });
  if (filters.highBlast) and.push({ blastRadiusLevel: { in: [...HIGH_OR_WORSE] } });
  if (filters.q) {
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { summary: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

/** Newest impact first, keyset-paginated on (impactStartedAt, id) so deep pages stay fast. */
export async function listIncidents(options: {
  filters: IncidentFilters;
  timeZone: string;
  after?: IncidentCursor;
  limit?: number;
}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const { after } = options;
  const where = incidentWhere(options.filters, options.timeZone);
  if (after) {
    (where.AND as Prisma.IncidentWhereInput[]).push({
      OR: [
        { impactStartedAt: { lt: after.impactStartedAt } },
        { impactStartedAt: after.impactStartedAt, id: { lt: after.id } },
      ],
    });
  }
  const rows = await getDb().incident.findMany({
    where,
    orderBy: [{ impactStartedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      title: true,
      severity: true,
      status: true,
      blastRadiusLevel: true,
      impactStartedAt: true,
      resolvedAt: true,
      services: { select: { service: { select: { name: true } } } },
      changes: {
        select: {
          role: true,
          change: { select: { id: true } },
        },
      },
    },
  });
  const now = Date.now();
  const shown = rows.slice(0, limit);
  const [incidentOutcomes, changeOutcomes] = await Promise.all([
    getIncidentOutcomes(shown.map((row) => row.id)),
    getChangeOutcomes(shown.flatMap((row) => row.changes.map((link) => link.change.id))),
  ]);
  const page = shown.map<IncidentListRow>(({ services, changes, ...row }) => ({
    ...row,
    durationMs: (row.resolvedAt?.getTime() ?? now) - row.impactStartedAt.getTime(),
    services: services.map((s) => s.service.name).sort(),
    aiLinked: incidentOutcomes.get(row.id)?.aiLinked ?? false,
    policyViolation: changes.some(({ change }) => changeOutcomes.get(change.id)?.compliance === "VIOLATION"),
  }));
  const last = page.at(-1);
  const next = rows.length > limit && last ? { impactStartedAt: last.impactStartedAt, id: last.id } : null;
  return { rows: page, next };
}

export function encodeCursor(cursor: IncidentCursor): string {
  return `${cursor.impactStartedAt.getTime()}_${cursor.id}`;
}

export function decodeCursor(value: string | undefined): IncidentCursor | undefined {
  const match = value ? /^(\d{1,15})_(\d{1,10})$/.exec(value) : null;
  if (!match) return undefined;
  const impactStartedAt = new Date(Number(match[1]));
  const id = recordIdOf(match[2]);
  // A cursor this app made names a real incident: a record id, an impact start within the date rule.
  if (id === undefined || dateRangeProblem(impactStartedAt, "instant") !== null) return undefined;
  return { impactStartedAt, id };
}
