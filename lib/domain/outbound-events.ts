// Events Faultline posts to the outbound webhooks and Slack destinations admins register
// (docs/webhooks.md, docs/slack.md).
export const OUTBOUND_EVENTS = [
  "incident.declared",
  "incident.severity_raised",
  "incident.mitigated",
  "incident.resolved",
  "change.approval_needed",
  "change.policy_violation_shipped",
  "report.published",
] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENTS)[number];

export const OUTBOUND_EVENT_LABELS: Record<OutboundEvent, string> = {
  "incident.declared": "Incident declared at Sev1 or Sev2",
  "incident.severity_raised": "Incident severity raised",
  "incident.mitigated": "Sev1/Sev2 incident mitigated",
  "incident.resolved": "Sev1/Sev2 incident resolved",
  "change.approval_needed": "Change waiting for approval",
  "change.policy_violation_shipped": "Change shipped in violation of the approval policy",
  "report.published": "Weekly report published",
};
