import "server-only";
import { canApproveChange } from "@/lib/domain/approval-policy";
import type { DecideApprovalInput } from "@/lib/schemas/approval";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { notifyUser, settleApprovalRequests } from "@/lib/server/services/notifications/notify";
import { queueCommitStatus } from "@/lib/server/services/integrations/queue-commit-status";

const REFUSALS = {
  NOT_AN_APPROVER_LEVEL:
    "Only engineers at an approving level (senior by default) can approve AI-assisted changes; a manager role alone does not count.",
  SELF_APPROVAL: "You wrote this change, so someone else must approve it.",
  INACTIVE: "Your account is deactivated.",
} as const;

/** A decision taken in another tool, brought in with history (`import` scope): who and when. */
export type ImportedDecision = { decidedBy: string; decidedAt: Date };

/**
 * Approves or rejects a pending change: the one service behind the web page's buttons and
 * `POST /api/v1/changes/{id}/approval`. Exactly one decision wins when two approvers act at
 * once (the update only applies while the change is still pending), and with `version` a
 * change that moved since the approver looked at it is refused (409) instead of approved blind.
 * With `imported`, the decision is history: the named person decided at the given time (the
 * policy's rules still apply to them; compliance compares that time with shippedAt), nobody is
 * notified, and importing the same decision again changes nothing.
 */
export async function decideChangeApproval(options: {
  actor: SessionUser;
  input: DecideApprovalInput;
  imported?: ImportedDecision;
}): Promise<void> {
  const { actor, input, imported } = options;
  await getDb().$transaction(async (tx) => {
    const change = await tx.change.findUnique({
      where: { id: input.changeId },
      select: {
        id: true,
        title: true,
        authorId: true,
        approvalRequired: true,
        approvalState: true,
        approverId: true,
        approvalDecidedAt: true,
        version: true,
        approver: { select: { name: true } },
        policy: true,
      },
    });
    if (!change) throw new AppError("NOT_FOUND", "This change does not exist (any more).");
    if (input.version !== undefined && input.version !== change.version)
      throw new AppError("STALE", "This change was updated after you opened it; reload it and review it again.");
    if (!change.approvalRequired) throw new AppError("CONFLICT", "This change does not need approval.");
    const policy = change.policy ?? (await tx.approvalPolicy.findFirstOrThrow({ orderBy: { id: "desc" } }));
    const decider = imported
      ? await tx.user.findUnique({
          where: { email: imported.decidedBy.trim().toLowerCase() },
          select: { id: true, name: true, level: true, active: true },
        })
      : await tx.user.findUniqueOrThrow({
          where: { id: actor.id },
          select: { id: true, name: true, level: true, active: true },
        });
    if (!decider)
      throw new AppError("VALIDATION", `No user with the email ${imported?.decidedBy}.`, {
        fieldErrors: { decidedBy: ["Name a Faultline user (create them first, e.g. Admin → Users)."] },
      });
    if (
      imported &&
      change.approvalState === input.decision &&
      change.approverId === decider.id &&
      change.approvalDecidedAt?.getTime() === imported.decidedAt.getTime()
    )
      return; // The same history imported again.
    // History: they were active when they decided, even if they have left since.
    const check = canApproveChange(imported ? { ...decider, active: true } : decider, change, policy);
    if (!check.ok) {
      const message = imported
        ? `${decider.name} could not have decided this under the approval policy: ${REFUSALS[check.reason]}`
        : REFUSALS[check.reason];
      throw new AppError(imported ? "VALIDATION" : "FORBIDDEN", message, {
        ...(imported ? { fieldErrors: { decidedBy: [message] } } : {}),
      });
    }

    const at = imported?.decidedAt ?? new Date();
    const { count } = await tx.change.updateMany({
      where: {
        id: change.id,
        approvalState: "PENDING",
        ...(input.version !== undefined ? { version: input.version } : {}),
      },
      data: {
        approvalState: input.decision,
        approverId: decider.id,
        approvalDecidedAt: at,
        approvalComment: input.comment || null,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const now = await tx.change.findUniqueOrThrow({
        where: { id: change.id },
        select: { approvalState: true, version: true, approver: { select: { name: true } } },
      });
      if (now.approvalState === "PENDING")
        throw new AppError("STALE", "This change was updated after you opened it; reload it and review it again.");
      const who = now.approver?.name ?? "someone";
      throw new AppError(
        "CONFLICT",
        `${who} already ${now.approvalState === "APPROVED" ? "approved" : "rejected"} this change; your decision was not recorded. Reload to see it.`,
      );
    }
    await tx.approvalDecision.create({
      data: {
        changeId: change.id,
        actorId: decider.id,
        decision: input.decision,
        comment: input.comment,
        createdAt: at,
      },
    });
    await settleApprovalRequests(tx, change.id);
    if (!imported) {
      await notifyUser(tx, change.authorId, {
        kind: input.decision === "APPROVED" ? "approval.approved" : "approval.rejected",
        title: `${actor.name} ${input.decision === "APPROVED" ? "approved" : "rejected"} “${change.title}”`,
        href: `/changes/${change.id}`,
      });
      await queueCommitStatus(tx, change.id);
    }
    const verb = input.decision === "APPROVED" ? "approved" : "rejected";
    await writeAudit(tx, {
      actorId: actor.id,
      action: imported ? `change.${verb}_imported` : `change.${verb}`,
      entityType: "Change",
      entityId: change.id,
      before: { approvalState: "PENDING" },
      after: {
        approvalState: input.decision,
        comment: input.comment,
        policyId: policy.id,
        ...(imported ? { decidedBy: decider.id, decidedAt: at.toISOString() } : {}),
      },
    });
  });
}
