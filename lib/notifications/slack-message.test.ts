import { describe, expect, it } from "vitest";
import { validateSlackMessage } from "@/lib/server/testing/slack-receiver";
import type { ChangeFactsPayload, IncidentFacts, OutboundPayload } from "./outbound-payloads";
import { slackMessage } from "./slack-message";
import { escapeMrkdwn, mrkdwn } from "./slack-text";

const HOSTILE = "<!channel> @here <https://evil.example|click me> & <@U123> *bold* \u0000NUL\r\nnext line";
const incident = (title: string): IncidentFacts => ({
  id: 42,
  title,
  severity: "SEV1",
  severityLabel: "Sev1",
  status: "INVESTIGATING",
  impactStartedAt: "2026-11-24T07:20:00.000Z",
  blastRadiusLevel: "HIGH",
  services: [{ id: 1, name: "checkout-api" }],
  url: "https://faultline.example/incidents/42",
});
const change = (title: string): ChangeFactsPayload => ({
  change: { id: 7, title, repository: "acme/<shop>", externalUrl: null, url: "https://faultline.example/changes/7" },
  service: { id: 1, name: "checkout & payments" },
  author: { id: 3, name: "Jo <!everyone> Junior" },
  authorLevel: "JUNIOR",
  aiTool: { id: 2, name: "Claude Code" },
  aiInvolvement: "AGENT_AUTHORED",
});
const headline = Array.from({ length: 14 }, (_, i) => ({ label: `Metric ${i} <b>`, unit: "percent", value: i / 100 }));
const samples = (title: string): OutboundPayload[] => [
  { event: "incident.declared", data: { incident: incident(title), declaredBy: { id: 1, name: "Ada" } } },
  {
    event: "incident.severity_raised",
    data: { incident: incident(title), from: "SEV3", to: "SEV1", reason: title, changedBy: { id: null, name: "AM" } },
  },
  { event: "incident.mitigated", data: { incident: incident(title), changedBy: null } },
  { event: "incident.resolved", data: { incident: incident(title), changedBy: { id: 1, name: "Ada" } } },
  { event: "change.approval_needed", data: change(title) },
  { event: "change.policy_violation_shipped", data: change(title) },
  {
    event: "report.published",
    data: {
      week: "2026-W47",
      publicationId: 3,
      publishedBy: { id: 1, name: "Mia Manager" },
      url: "https://faultline.example/reports/weekly/2026-W47",
      files: { pdf: "https://faultline.example/r.pdf", markdown: "https://faultline.example/r.md" },
      headline,
      sentence: `AI-assisted changes failed more often ${title}`,
    },
  },
  {
    event: "ping",
    data: { webhook: { id: 1, name: title }, sentBy: { id: 1, name: "Ada" }, url: "https://faultline.example/a" },
  },
];

describe("slackMessage", () => {
  it("renders every event as Block Kit Slack accepts, with a fallback text", () => {
    for (const payload of samples("Checkout returns 502")) {
      const message = slackMessage(payload);
      expect(validateSlackMessage(message, "https://faultline.example/"), payload.event).toEqual([]);
      expect(message.text.length).toBeGreaterThan(10);
    }
  });

  it("escapes &, < and > so a title cannot ping @channel, mention someone or add a link", () => {
    for (const payload of samples(HOSTILE)) {
      const message = slackMessage(payload);
      const json = JSON.stringify(message);
      expect(validateSlackMessage(message, "https://faultline.example/"), payload.event).toEqual([]);
      expect(json).not.toContain("<!channel>");
      expect(json).not.toContain("<!everyone>");
      expect(json).not.toContain("<@U123>");
      expect(json).not.toContain("<https://evil");
      expect(json).not.toContain("\\u0000");
    }
    expect(slackMessage(samples(HOSTILE)[0]).text).toContain("&lt;!channel&gt;");
  });

  it("keeps absurdly long titles and reasons within Slack's limits (header 150, section 3000)", () => {
    for (const payload of samples("x&".repeat(20_000))) {
      const message = slackMessage(payload);
      expect(validateSlackMessage(message, "https://faultline.example/"), payload.event).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
    }
  });

  it("shows the report's headline numbers (at most 10 fields a section) and the sentence of the week", () => {
    const message = slackMessage(samples("x")[6]);
    const json = JSON.stringify(message);
    expect(json).toContain("Metric 13 &lt;b&gt;");
    expect(json).toContain("13.0%");
    expect(json).toContain("AI-assisted changes failed more often");
    expect(json).toContain("https://faultline.example/r.pdf");
    expect(message.text).toContain("Weekly report 2026-W47 published");
  });

  it("shows the approval request's author level, AI tool and a link to approve", () => {
    const json = JSON.stringify(slackMessage(samples("Bump SDK")[4]));
    expect(json).toContain("(junior)");
    expect(json).toContain("Claude Code, agent-authored");
    expect(json).toContain("Review and approve");
    expect(json).toContain("https://faultline.example/changes/7");
  });
});

describe("mrkdwn", () => {
  it("never cuts inside an entity and never exceeds the limit", () => {
    expect(escapeMrkdwn("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
    for (let limit = 2; limit < 30; limit++) {
      const out = mrkdwn("&".repeat(40), limit);
      expect(out.length).toBeLessThanOrEqual(limit);
      expect(out).toMatch(/^(&amp;)*…$/);
    }
  });
});
