import { Badge } from "@/components/ui/badge";
import { approvalCompliance, type ApprovalState } from "@/lib/domain/approval-policy";
import { AI_INVOLVEMENT_LABELS, APPROVAL_STATE_LABELS, type AiInvolvement } from "@/lib/domain/change";

export function AiBadge({
  aiAssisted,
  toolName,
  involvement,
}: {
  aiAssisted: boolean;
  toolName?: string | null;
  involvement?: AiInvolvement | null;
}) {
  if (!aiAssisted) return null;
  const detail = [toolName, involvement ? AI_INVOLVEMENT_LABELS[involvement].toLowerCase() : null]
    .filter(Boolean)
    .join(", ");
  return (
    <Badge tone="violet" title="Gen-AI assisted change">
      AI{detail ? ` · ${detail}` : ""}
    </Badge>
  );
}

/** The approval state, or the policy outcome once shipped (compliant / violation). */
export function ApprovalBadge(change: {
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  shippedAt: Date | null;
}) {
  const outcome = approvalCompliance(change);
  if (outcome === "NOT_REQUIRED") return null;
  if (outcome === "VIOLATION")
    return (
      <Badge tone="red" title="Policy violation: shipped without the required approval">
        Shipped without approval
      </Badge>
    );
  if (outcome === "COMPLIANT")
    return (
      <Badge tone="green" title="Approved before it shipped">
        Approved
      </Badge>
    );
  return (
    <Badge tone={change.approvalState === "REJECTED" ? "red" : change.approvalState === "APPROVED" ? "green" : "amber"}>
      {change.approvalState === "APPROVED" ? "Approved, not shipped yet" : APPROVAL_STATE_LABELS[change.approvalState]}
    </Badge>
  );
}

export function FailedBadge({ failed }: { failed: boolean }) {
  return failed ? (
    <Badge tone="red" title="Trigger or root cause of an incident, or rolled back">
      Failed
    </Badge>
  ) : null;
}
