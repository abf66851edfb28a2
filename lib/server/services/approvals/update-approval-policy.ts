import "server-only";
import type { UpdateApprovalPolicyInput } from "@/lib/schemas/approval";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/**
 * A new policy version applies to changes registered from now on, and to unshipped changes
 * when they next change materially. Changes already registered keep the policy (and approval
 * requirement) they were registered under until then.
 */
export async function updateApprovalPolicy(options: {
  actor: SessionUser;
  input: UpdateApprovalPolicyInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "settings:manage");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    const before = await tx.approvalPolicy.findFirst({ orderBy: { id: "desc" } });
    const policy = await tx.approvalPolicy.create({
      data: {
        levelsRequiring: input.levelsRequiring,
        approverLevels: input.approverLevels,
        allowSelfApproval: false,
        exemptInvolvements: input.exemptInvolvements,
        dismissStaleApprovals: input.dismissStaleApprovals ?? true,
        // Attribution threshold: as given, else carried over from the version it replaces.
        aiShareThreshold:
          input.aiSharePercent !== undefined ? input.aiSharePercent / 100 : (before?.aiShareThreshold ?? 0.2),
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "approval_policy.updated",
      entityType: "ApprovalPolicy",
      entityId: policy.id,
      before: before
        ? {
            id: before.id,
            levelsRequiring: before.levelsRequiring,
            approverLevels: before.approverLevels,
            exemptInvolvements: before.exemptInvolvements,
            dismissStaleApprovals: before.dismissStaleApprovals,
            aiShareThreshold: before.aiShareThreshold,
          }
        : undefined,
      after: {
        id: policy.id,
        ...input,
        dismissStaleApprovals: input.dismissStaleApprovals ?? true,
        allowSelfApproval: false,
      },
    });
    return policy;
  });
}
