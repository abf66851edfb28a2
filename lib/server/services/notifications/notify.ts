import "server-only";
import type { Level } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

type Notice = { kind: string; title: string; href: string };

/** Tells everyone who may approve under `approverLevels` (except the author) that a change waits. */
export async function notifyApprovers(
  tx: Prisma.TransactionClient,
  options: { approverLevels: Level[]; exceptUserId: number | null; notice: Notice },
) {
  const approvers = await tx.user.findMany({
    where: {
      active: true,
      level: { in: options.approverLevels },
      ...(options.exceptUserId ? { id: { not: options.exceptUserId } } : {}),
    },
    select: { id: true },
  });
  if (approvers.length === 0) return;
  await tx.notification.createMany({ data: approvers.map((user) => ({ userId: user.id, ...options.notice })) });
}

export async function notifyUser(tx: Prisma.TransactionClient, userId: number | null, notice: Notice) {
  if (userId === null) return;
  await tx.notification.create({ data: { userId, ...notice } });
}

/**
 * An approval request that has been answered (approved, rejected, or no longer needed) is no
 * longer news: every "Approval needed" notice about that change becomes read, for everyone.
 */
export async function settleApprovalRequests(tx: Prisma.TransactionClient, changeId: number) {
  await tx.notification.updateMany({
    where: { kind: "approval.requested", href: `/changes/${changeId}`, readAt: null },
    data: { readAt: new Date() },
  });
}
