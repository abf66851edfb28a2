// The AI-change approval policy. The policy is data (an ApprovalPolicy row); these rules
// decide what it means for one change and one would-be approver.

export type Level = "JUNIOR" | "MID" | "SENIOR";
export type AiInvolvement = "SUGGESTED" | "CO_AUTHORED" | "AGENT_AUTHORED";
export type ApprovalState = "NOT_REQUIRED" | "PENDING" | "APPROVED" | "REJECTED";

export type ApprovalPolicyRules = {
  levelsRequiring: readonly Level[];
  approverLevels: readonly Level[];
  allowSelfApproval: boolean;
  exemptInvolvements: readonly AiInvolvement[];
};

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicyRules = {
  levelsRequiring: ["JUNIOR", "MID"],
  approverLevels: ["SENIOR"],
  allowSelfApproval: false,
  exemptInvolvements: [],
};

export type ChangeForApproval = {
  aiAssisted: boolean;
  /** The author's level recorded on the change; null when the author is unknown. */
  authorLevel: Level | null;
  aiInvolvement: AiInvolvement | null;
};

/**
 * Whether the change needs a senior's approval under the policy in force when it was
 * registered. An AI-assisted change whose author is unknown needs approval: nobody
 * vouched for the author's level.
 */
export function isApprovalRequired(change: ChangeForApproval, policy: ApprovalPolicyRules): boolean {
  if (!change.aiAssisted) return false;
  if (change.aiInvolvement && policy.exemptInvolvements.includes(change.aiInvolvement)) return false;
  return change.authorLevel === null || policy.levelsRequiring.includes(change.authorLevel);
}

export function initialApprovalState(change: ChangeForApproval, policy: ApprovalPolicyRules): ApprovalState {
  return isApprovalRequired(change, policy) ? "PENDING" : "NOT_REQUIRED";
}

export type ApproverCheck =
  { ok: true } | { ok: false; reason: "NOT_AN_APPROVER_LEVEL" | "SELF_APPROVAL" | "INACTIVE" };

/** Engineering level decides, not role: a manager who is not a senior engineer cannot approve. */
export function canApproveChange(
  approver: { id: number; level: Level; active: boolean },
  change: { authorId: number | null },
  policy: ApprovalPolicyRules,
): ApproverCheck {
  if (!approver.active) return { ok: false, reason: "INACTIVE" };
  if (!policy.approverLevels.includes(approver.level)) return { ok: false, reason: "NOT_AN_APPROVER_LEVEL" };
  if (!policy.allowSelfApproval && change.authorId === approver.id) return { ok: false, reason: "SELF_APPROVAL" };
  return { ok: true };
}

export type ComplianceOutcome = "NOT_REQUIRED" | "PENDING" | "COMPLIANT" | "VIOLATION";

/**
 * PRODUCT.md: a required change that shipped with an approval given before it shipped is
 * compliant; one that shipped without it (missing or rejected) is a violation; one not
 * shipped yet is pending.
 */
export function approvalCompliance(change: {
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  shippedAt: Date | null;
}): ComplianceOutcome {
  if (!change.approvalRequired) return "NOT_REQUIRED";
  if (!change.shippedAt) return "PENDING";
  const approvedInTime =
    change.approvalState === "APPROVED" &&
    change.approvalDecidedAt !== null &&
    change.approvalDecidedAt <= change.shippedAt;
  return approvedInTime ? "COMPLIANT" : "VIOLATION";
}
