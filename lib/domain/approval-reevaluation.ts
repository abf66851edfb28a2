// PRODUCT.md "Material change": anything that could change the approval requirement or what
// was reviewed. Pure rules; the services apply them in every write path.
import {
  isApprovalRequired,
  type AiInvolvement,
  type ApprovalPolicyRules,
  type ApprovalState,
  type Level,
} from "./approval-policy";

export const MATERIAL_FIELDS = [
  "aiAssisted",
  "aiToolId",
  "aiInvolvement",
  "authorId",
  "authorLevel",
  "serviceId",
  "headSha",
] as const;
export type MaterialField = (typeof MATERIAL_FIELDS)[number];

export type MaterialFacts = {
  aiAssisted: boolean;
  aiToolId: number | null;
  aiInvolvement: AiInvolvement | null;
  authorId: number | null;
  authorLevel: Level | null;
  serviceId: number;
  headSha: string | null;
};

/** The material fields whose value differs, in MATERIAL_FIELDS order. */
export function materialChanges(before: MaterialFacts, after: MaterialFacts): MaterialField[] {
  return MATERIAL_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

export type ReevaluationPolicy = ApprovalPolicyRules & { dismissStaleApprovals: boolean };

export type Reevaluation = {
  approvalRequired: boolean;
  approvalState: ApprovalState;
  /** A decision on record (approval or rejection) no longer counts: clear approver and date. */
  dismissed: boolean;
  /** The change now waits for approval and did not before: ask the approvers. */
  newlyRequested: boolean;
};

/**
 * What the approval becomes after a material change, or null when nothing moves: a change
 * that had shipped keeps the state it shipped with (violations are judged at ship time),
 * and a change without material differences keeps its decision.
 */
export function reevaluateApproval(
  current: { approvalState: ApprovalState; shippedAt: Date | null },
  changed: readonly MaterialField[],
  after: MaterialFacts,
  policy: ReevaluationPolicy,
): Reevaluation | null {
  if (current.shippedAt !== null || changed.length === 0) return null;
  const required = isApprovalRequired(after, policy);
  const decided = current.approvalState === "APPROVED" || current.approvalState === "REJECTED";
  if (!required)
    return { approvalRequired: false, approvalState: "NOT_REQUIRED", dismissed: decided, newlyRequested: false };
  if (decided && !policy.dismissStaleApprovals)
    return { approvalRequired: true, approvalState: current.approvalState, dismissed: false, newlyRequested: false };
  return {
    approvalRequired: true,
    approvalState: "PENDING",
    dismissed: decided,
    newlyRequested: current.approvalState !== "PENDING",
  };
}
