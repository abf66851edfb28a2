import "server-only";
import { toCsv } from "@/lib/reports/csv";
import type { AuditFilters } from "@/lib/schemas/audit-filters";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { AUDIT_ROW_SELECT, auditWhere } from "./search-audit-log";

/** Stable column names (docs/admin.md lists them). */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "actor_id",
  "actor_name",
  "actor_email",
  "actor_label",
  "action",
  "entity_type",
  "entity_id",
  "before",
  "after",
] as const;

/** An export holds at most this many rows, newest first; narrow the filters for older ones. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The filtered audit rows as CSV, newest first; times in UTC (ISO 8601), before/after as JSON. */
export async function exportAuditCsv(options: {
  actor: SessionUser;
  filters: AuditFilters;
  timeZone: string;
}): Promise<{ csv: string; rows: number }> {
  assertCan(options.actor, "audit:read");
  const rows = await getDb().auditLog.findMany({
    where: auditWhere(options.filters, options.timeZone),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT,
    select: AUDIT_ROW_SELECT,
  });
  const records = rows.map((r) => [
    r.id,
    r.at.toISOString(),
    r.actorId ?? "",
    r.actor?.name ?? "",
    r.actor?.email ?? "",
    r.actorLabel ?? "",
    r.action,
    r.entityType,
    r.entityId,
    json(r.before),
    json(r.after),
  ]);
  return { csv: toCsv(AUDIT_CSV_COLUMNS, records), rows: rows.length };
}
