import "server-only";
import {
  materialChanges,
  reevaluateApproval,
  type MaterialFacts,
  type Reevaluation,
  type ReevaluationPolicy,
} from "@/lib/domain/approval-reevaluation";
import type { Level } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { notifyApprovers, notifyUser, settleApprovalRequests } from "@/lib/server/services/notifications/notify";
import { queueCommitStatus } from "@/lib/server/services/integrations/queue-commit-status";

export type PolicyInForce = ReevaluationPolicy & { id: number; approverLevels: Level[]; aiShareThreshold: number };

export type ChangeBeforeUpdate = MaterialFacts & {
  id: number;
  title: string;
  approvalState: "NOT_REQUIRED" | "PENDING" | "APPROVED" | "REJECTED";
  approverId: number | null;
  shippedAt: Date | null;
};

/** The policy in force (the newest row), with the columns re-evaluation needs. */
export async function policyInForce(tx: Prisma.TransactionClient): Promise<PolicyInForce> {
  const policy = await tx.approvalPolicy.findFirst({ orderBy: { id: "desc" } });
  if (!policy) throw new Error("No approval policy row: the migrations insert one; the database is incomplete.");
  return policy;
}

/**
 * Every write path calls this after a change's row was updated (in the same transaction,
 * the row locked): if a material field moved on an unshipped change, the requirement is
 * decided again from the policy in force, a stale decision is dismissed with an audit
 * entry and notices to author and approver, approvers are asked when it newly waits, and
 * the pull request's commit status follows.
 */
export async function reevaluateChangeApproval(
  tx: Prisma.TransactionClient,
  options: {
    before: ChangeBeforeUpdate;
    after: MaterialFacts;
    policy: PolicyInForce;
    actor: { userId: number | null; label?: string };
  },
): Promise<Reevaluation | null> {
  const { before, after, policy, actor } = options;
  const changed = materialChanges(before, after);
  const result = reevaluateApproval(before, changed, after, policy);
  if (!result) return null;
  const href = `/changes/${before.id}`;
  await tx.change.update({
    where: { id: before.id },
    data: {
      approvalRequired: result.approvalRequired,
      approvalState: result.approvalState,
      policyId: policy.id,
      ...(result.dismissed ? { approverId: null, approvalDecidedAt: null, approvalComment: null } : {}),
    },
  });
  const decider = actor.userId ?? after.authorId;
  if (result.dismissed && decider !== null) {
    await tx.approvalDecision.create({
      data: { changeId: before.id, actorId: decider, decision: "DISMISSED", comment: `Changed: ${changed.join(", ")}` },
    });
  }
  if (result.dismissed || result.approvalState !== before.approvalState) {
    await writeAudit(tx, {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: result.dismissed ? "change.approval_dismissed" : "change.approval_reevaluated",
      entityType: "Change",
      entityId: before.id,
      before: { approvalState: before.approvalState, approverId: before.approverId },
      after: { approvalState: result.approvalState, changed, policyId: policy.id },
    });
  }
  if (result.dismissed) {
    const notice = {
      kind: "approval.dismissed",
      title: `The ${before.approvalState === "APPROVED" ? "approval" : "rejection"} of “${before.title}” was dismissed: it changed (${changed.join(", ")})`,
      href,
    };
    const people = new Set([after.authorId, before.approverId].filter((id): id is number => id !== null));
    for (const userId of people) await notifyUser(tx, userId, notice);
  }
  // No longer waiting (the requirement went away): the "Approval needed" notices are settled.
  if (before.approvalState === "PENDING" && result.approvalState !== "PENDING")
    await settleApprovalRequests(tx, before.id);
  if (result.newlyRequested) {
    if (decider !== null)
      await tx.approvalDecision.create({ data: { changeId: before.id, actorId: decider, decision: "REQUESTED" } });
    await notifyApprovers(tx, {
      approverLevels: policy.approverLevels,
      exceptUserId: [after.authorId, before.approverId].find((id) => id !== null) ?? null,
      notice: { kind: "approval.requested", title: `Approval needed: ${before.title}`, href },
      changeIds: [before.id],
    });
  }
  await queueCommitStatus(tx, before.id);
  return result;
}
