import "server-only";
import type { RequestApprovalInput } from "@/lib/schemas/approval";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { notifyApprovers } from "@/lib/server/services/notifications/notify";

/** After a rejection, the author revises the change and asks again: it is pending once more. */
export async function requestApproval(options: { actor: SessionUser; input: RequestApprovalInput }): Promise<void> {
  assertCan(options.actor, "change:register");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const change = await tx.change.findUnique({
      where: { id: input.changeId },
      select: { title: true, authorId: true, approvalState: true, shippedAt: true, policy: true },
    });
    if (!change) throw new AppError("NOT_FOUND", "This change does not exist (any more).");
    if (change.approvalState !== "REJECTED")
      throw new AppError("CONFLICT", "Only a rejected change can be revised and re-requested.");
    if (change.authorId !== actor.id && actor.role !== "ADMIN")
      throw new AppError("FORBIDDEN", "Only the author (or an admin) can re-request approval for this change.");
    const { count } = await tx.change.updateMany({
      where: { id: input.changeId, approvalState: "REJECTED" },
      data: {
        title: input.title,
        approvalState: "PENDING",
        approverId: null,
        approvalDecidedAt: null,
        approvalComment: null,
        version: { increment: 1 },
      },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "Someone acted on this change at the same time. Reload and try again.");
    await tx.approvalDecision.create({
      data: { changeId: input.changeId, actorId: actor.id, decision: "REQUESTED", comment: input.comment },
    });
    await notifyApprovers(tx, {
      approverLevels: change.policy?.approverLevels ?? ["SENIOR"],
      exceptUserId: change.authorId,
      notice: {
        kind: "approval.requested",
        title: `Approval needed again: ${input.title}`,
        href: `/changes/${input.changeId}`,
      },
      changeIds: [input.changeId],
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "change.approval_requested",
      entityType: "Change",
      entityId: input.changeId,
      before: { approvalState: "REJECTED", title: change.title },
      after: { approvalState: "PENDING", title: input.title, comment: input.comment },
    });
  });
}
