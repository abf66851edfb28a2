import "server-only";
import type { Level } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { announceApprovalNeeded } from "./announce-approval-needed";

type Notice = { kind: string; title: string; href: string };

/**
 * Tells everyone who may approve under `approverLevels` (except the author) that a change
 * waits. With `changeIds`, also announces it outside the app (webhooks, Slack, email).
 */
export async function notifyApprovers(
  tx: Prisma.TransactionClient,
  options: {
    approverLevels: Level[];
    exceptUserId: number | null;
    notice: Notice;
    /** The changes now waiting for approval; `source` names who registered a batch. */
    changeIds?: number[];
    source?: string;
  },
) {
  const approvers = await tx.user.findMany({
    where: {
      active: true,
      level: { in: options.approverLevels },
      ...(options.exceptUserId ? { id: { not: options.exceptUserId } } : {}),
    },
    select: { id: true, email: true, emailApprovalNeeded: true },
  });
  if (approvers.length > 0)
    await tx.notification.createMany({ data: approvers.map((user) => ({ userId: user.id, ...options.notice })) });
  if (options.changeIds && options.changeIds.length > 0)
    await announceApprovalNeeded(tx, {
      changeIds: options.changeIds,
      approvers,
      source: options.source ?? "an integration",
    });
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
