// The `data` of each outbound event as queued (docs/webhooks.md): what the Slack and email
// renderers read. Pure types.

export type PersonRef = { id: number | null; name: string } | null;

export type IncidentFacts = {
  id: number;
  title: string;
  severity: string;
  severityLabel: string;
  status: string;
  impactStartedAt: string;
  blastRadiusLevel: string | null;
  services: Array<{ id: number; name: string }>;
  url: string;
};

export type ChangeFactsPayload = {
  change: {
    id: number;
    title: string;
    repository: string | null;
    externalUrl: string | null;
    shippedAt?: string | null;
    url: string;
  };
  service: { id: number; name: string } | null;
  author: PersonRef;
  authorLevel: string | null;
  aiTool: { id: number; name: string } | null;
  aiInvolvement: string | null;
};

export type HeadlineRow = { label: string; unit: string; value: number | null };

export type OutboundPayload =
  | { event: "incident.declared"; data: { incident: IncidentFacts; declaredBy: PersonRef } }
  | {
      event: "incident.severity_raised";
      data: { incident: IncidentFacts; from: string; to: string; reason: string; changedBy: PersonRef };
    }
  | { event: "incident.mitigated" | "incident.resolved"; data: { incident: IncidentFacts; changedBy: PersonRef } }
  | { event: "change.approval_needed"; data: ChangeFactsPayload }
  | { event: "change.policy_violation_shipped"; data: ChangeFactsPayload }
  | {
      event: "report.published";
      data: {
        week: string;
        publicationId: number;
        publishedBy: PersonRef;
        url: string;
        files: { pdf: string; markdown: string };
        headline: HeadlineRow[];
        sentence?: string | null;
      };
    }
  | { event: "ping"; data: { webhook: { id: number; name: string }; sentBy: PersonRef; url: string } };

export const LEVEL_LABEL: Record<string, string> = { JUNIOR: "junior", MID: "mid-level", SENIOR: "senior" };
export const INVOLVEMENT_LABEL: Record<string, string> = {
  SUGGESTED: "suggested",
  CO_AUTHORED: "co-authored",
  AGENT_AUTHORED: "agent-authored",
};
