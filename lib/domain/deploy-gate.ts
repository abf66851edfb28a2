// The deploy gate CI calls before shipping a change: allow or deny, with a reason a
// machine can branch on and a sentence a person can read.
import type { ApprovalState } from "./approval-policy";

export type GateReason = "approval_not_required" | "approved" | "needs_approval" | "rejected" | "unknown_change";
export type GateDecision = { allow: boolean; reason: GateReason; message: string };

export function deployGateDecision(
  change: { id: number; title: string; approvalRequired: boolean; approvalState: ApprovalState } | null,
): GateDecision {
  if (!change) {
    return {
      allow: false,
      reason: "unknown_change",
      message:
        "Faultline has no change with that external id, pull request or commit. Register the change (or check the GitHub integration receives pull_request events), then ask again.",
    };
  }
  const name = `Change #${change.id} “${change.title}”`;
  if (!change.approvalRequired)
    return { allow: true, reason: "approval_not_required", message: `${name} does not need approval: ship it.` };
  switch (change.approvalState) {
    case "APPROVED":
      return { allow: true, reason: "approved", message: `${name} was approved by a senior engineer: ship it.` };
    case "REJECTED":
      return {
        allow: false,
        reason: "rejected",
        message: `${name} was rejected. Revise it and request approval again before shipping.`,
      };
    default:
      return {
        allow: false,
        reason: "needs_approval",
        message: `${name} is AI-assisted and needs a senior engineer's approval before it ships.`,
      };
  }
}
