import "server-only";
import { isApprovalRequired, type ApprovalPolicyRules } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyApprovers } from "@/lib/server/services/notifications/notify";
import { queuePolicyViolationIfShipped } from "@/lib/server/services/webhooks/queue-domain-events";

type ChangeFacts = {
  id: number;
  title: string;
  authorId: number | null;
  authorLevel: "JUNIOR" | "MID" | "SENIOR" | null;
  aiInvolvement: "SUGGESTED" | "CO_AUTHORED" | "AGENT_AUTHORED" | null;
  approvalRequired: boolean;
  shippedAt: Date | null;
};

/**
 * THE hook between attribution evidence and the approval rule: evidence just made this change
 * AI-assisted, so apply the policy in force as registration would have. It only ever adds a
 * requirement (evidence never waives one); an already-required change is left as it is.
 * The approval re-evaluation on material changes may replace this body at merge.
 */
export async function requireApprovalForEvidence(
  tx: Prisma.TransactionClient,
  change: ChangeFacts,
  policy: ApprovalPolicyRules & { id: number },
  actorId: number,
): Promise<boolean> {
  if (change.approvalRequired) return false;
  const subject = { aiAssisted: true, authorLevel: change.authorLevel, aiInvolvement: change.aiInvolvement };
  if (!isApprovalRequired(subject, policy)) return false;
  await tx.change.update({
    where: { id: change.id },
    data: { approvalRequired: true, approvalState: "PENDING", policyId: policy.id },
  });
  await tx.approvalDecision.create({ data: { changeId: change.id, actorId, decision: "REQUESTED" } });
  await notifyApprovers(tx, {
    approverLevels: [...policy.approverLevels],
    exceptUserId: change.authorId,
    notice: { kind: "approval.requested", title: `Approval needed: ${change.title}`, href: `/changes/${change.id}` },
  });
  if (change.shippedAt) await queuePolicyViolationIfShipped(tx, change.id);
  return true;
}
