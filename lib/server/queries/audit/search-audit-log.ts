import "server-only";
import { startOfDayInZone, startOfNextDayInZone } from "@/lib/domain/time-zone";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "@/lib/schemas/audit-filters";
import { getDb } from "@/lib/server/db";

export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(filters: AuditFilters, timeZone: string): Prisma.AuditLogWhereInput {
  const from = filters.from ? startOfDayInZone(filters.from, timeZone) : null;
  const to = filters.to ? startOfNextDayInZone(filters.to, timeZone) : null;
  return {
    actorId: filters.actorId,
    actorLabel: filters.actorLabel,
    entityType: filters.entityType,
    entityId: filters.entityId,
    action: filters.action,
    at: from || to ? { gte: from ?? undefined, lt: to ?? undefined } : undefined,
  };
}

export const AUDIT_ROW_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  actorId: true,
  actorLabel: true,
  before: true,
  after: true,
  actor: { select: { name: true, email: true } },
} as const satisfies Prisma.AuditLogSelect;

/** One page of the audit log, newest first, by keyset (time, id) so that deep pages stay fast. */
export async function searchAuditLog(options: {
  filters: AuditFilters;
  timeZone: string;
  cursor?: { at: Date; id: number };
}) {
  const { cursor } = options;
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      auditWhere(options.filters, options.timeZone),
      cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {},
    ],
  };
  const rows = await getDb().auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: AUDIT_ROW_SELECT,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}

/** The values the filter selects offer: entity types, actions and non-person actors seen so far. */
export async function listAuditFilterOptions() {
  const db = getDb();
  const [types, actions, labels] = await Promise.all([
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditLog.findMany({
      where: { actorLabel: { not: null } },
      distinct: ["actorLabel"],
      select: { actorLabel: true },
      orderBy: { actorLabel: "asc" },
    }),
  ]);
  return {
    entityTypes: types.map((t) => t.entityType),
    actions: actions.map((a) => a.action),
    actorLabels: labels.map((l) => l.actorLabel).filter((label): label is string => Boolean(label)),
  };
}
