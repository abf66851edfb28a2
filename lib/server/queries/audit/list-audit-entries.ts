import "server-only";
import { getDb } from "@/lib/server/db";

/** The audit trail of one entity, newest first. */
export async function listAuditEntries(options: { entityType: string; entityId: string | number; limit?: number }) {
  return getDb().auditLog.findMany({
    where: { entityType: options.entityType, entityId: String(options.entityId) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? 500,
    select: {
      id: true,
      at: true,
      action: true,
      actorLabel: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });
}
