import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * Refuses to leave the organisation without an active admin. Locks every active admin row
 * first (SELECT … FOR UPDATE), so two admins demoting or deactivating each other at the same
 * moment are serialised: the second transaction waits, then re-reads the rows (PostgreSQL
 * re-checks the WHERE clause on rows changed meanwhile) and sees that only one admin is left.
 * Call it before reading or writing the target user in the same transaction.
 */
export async function assertKeepsAnActiveAdmin(
  tx: Prisma.TransactionClient,
  userId: number,
  what: "demote" | "deactivate",
): Promise<void> {
  const admins = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id === userId)) return;
  if (admins.length <= 1) {
    throw new AppError(
      "CONFLICT",
      what === "demote"
        ? "This is the last active admin: make someone else an admin first, then change this role."
        : "This is the last active admin: make someone else an admin first, then deactivate this account.",
      { fieldErrors: what === "demote" ? { role: ["The organisation needs at least one active admin."] } : {} },
    );
  }
}
