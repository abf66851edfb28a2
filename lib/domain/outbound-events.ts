// Events Faultline posts to the outbound webhooks admins register (docs/webhooks.md).
export const OUTBOUND_EVENTS = [
  "incident.declared",
  "incident.severity_raised",
  "change.policy_violation_shipped",
  "report.published",
] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENTS)[number];

export const OUTBOUND_EVENT_LABELS: Record<OutboundEvent, string> = {
  "incident.declared": "Incident declared at Sev1 or Sev2",
  "incident.severity_raised": "Incident severity raised",
  "change.policy_violation_shipped": "Change shipped in violation of the approval policy",
  "report.published": "Weekly report published",
};
