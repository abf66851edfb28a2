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
 * Evidence just showed that a SHIPPED change was AI-assisted: apply the policy in force as
 * registration would have. If approval was required, the change shipped without it, so it
 * becomes a violation (announced like any other). Only ever adds a requirement. Unshipped
 * changes go through the approval re-evaluation instead (record-change-attribution.ts).
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
    changeIds: [change.id],
  });
  if (change.shippedAt) await queuePolicyViolationIfShipped(tx, change.id);
  return true;
}
