import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { currentActorLabel } from "./audit-context";

type Tx = Prisma.TransactionClient | Db;

export type AuditEntry = {
  actorId: number | null;
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Call inside the transaction that makes the change, so the two land together or not at all. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorLabel: entry.actorLabel ?? currentActorLabel(),
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before,
      after: entry.after,
    },
  });
}
