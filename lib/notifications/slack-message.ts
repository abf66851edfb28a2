// Block Kit messages for Slack incoming webhooks, typed against Slack's own `@slack/types`
// (docs/slack.md). Every user-typed value goes through `mrkdwn`/`link` (escaped, clipped) or
// into plain_text; the fallback `text` is what notifications and previews show.
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";
import { formatMetric, type MetricUnit } from "@/lib/domain/format";
import {
  INVOLVEMENT_LABEL,
  LEVEL_LABEL,
  type ChangeFactsPayload,
  type IncidentFacts,
  type OutboundPayload,
  type PersonRef,
} from "./outbound-payloads";
import { clip, link, mrkdwn, oneLine, SLACK_LIMITS } from "./slack-text";

export type SlackMessage = { text: string; blocks: KnownBlock[] };

const header = (text: string): HeaderBlock => ({
  type: "header",
  // plain_text is not parsed for mentions, but Slack unescapes &amp; &lt; &gt; in every text object: escape here too.
  text: { type: "plain_text", text: mrkdwn(oneLine(text), SLACK_LIMITS.header), emoji: true },
});
const section = (text: string, fields: string[] = []): SectionBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: text.slice(0, SLACK_LIMITS.sectionText) },
  ...(fields.length > 0
    ? {
        fields: fields
          .slice(0, SLACK_LIMITS.fields)
          .map((f) => ({ type: "mrkdwn" as const, text: f.slice(0, SLACK_LIMITS.field) })),
      }
    : {}),
});
const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts.slice(0, SLACK_LIMITS.contextElements).map((text) => ({ type: "mrkdwn", text })),
});
const button = (text: string, url: string, primary = false): Button => ({
  type: "button",
  text: { type: "plain_text", text: clip(text, SLACK_LIMITS.buttonText) },
  url: url.slice(0, SLACK_LIMITS.url),
  ...(primary ? { style: "primary" as const } : {}),
});
const actions = (...buttons: Button[]): ActionsBlock => ({ type: "actions", elements: buttons });

const who = (person: PersonRef) => (person ? mrkdwn(oneLine(person.name), 200) : "someone");
const plain = (text: string, limit = 300) => mrkdwn(oneLine(text), limit);
const SEVERITY_MARK: Record<string, string> = { SEV1: "🔴", SEV2: "🟠", SEV3: "🟡", SEV4: "⚪" };

function incidentBlocks(incident: IncidentFacts, lead: string, by: string): KnownBlock[] {
  const services = incident.services.map((s) => s.name).join(", ") || "none recorded";
  return [
    section(`${lead}\n*${link(incident.url, incident.title, 1500)}*`, [
      `*Severity*\n${plain(incident.severityLabel)}`,
      `*Status*\n${plain(incident.status.toLowerCase())}`,
      `*Blast radius*\n${plain((incident.blastRadiusLevel ?? "not assessed").toLowerCase())}`,
      `*Services*\n${plain(services, 1000)}`,
    ]),
    context(by),
    actions(button("Open incident", incident.url, true)),
  ];
}

function changeFields(data: ChangeFactsPayload): string[] {
  const level = data.authorLevel ? (LEVEL_LABEL[data.authorLevel] ?? data.authorLevel) : "unknown level";
  const ai = data.aiTool
    ? `${plain(data.aiTool.name)}${data.aiInvolvement ? `, ${INVOLVEMENT_LABEL[data.aiInvolvement] ?? data.aiInvolvement}` : ""}`
    : "not AI-assisted";
  return [
    `*Author*\n${who(data.author)} (${level})`,
    `*AI tool*\n${ai}`,
    `*Service*\n${data.service ? plain(data.service.name) : "none"}`,
    `*Repository*\n${data.change.repository ? plain(data.change.repository) : "none"}`,
  ];
}

function reportBlocks(data: Extract<OutboundPayload, { event: "report.published" }>["data"]): KnownBlock[] {
  const rows = data.headline.map((h) => `*${plain(h.label, 200)}*\n${formatMetric(h.value, h.unit as MetricUnit)}`);
  const blocks: KnownBlock[] = [header(`Weekly report ${data.week} published`)];
  if (data.sentence) blocks.push(section(`_${mrkdwn(oneLine(data.sentence), 2900)}_`));
  for (let i = 0; i < rows.length && blocks.length < 45; i += SLACK_LIMITS.fields)
    blocks.push(section(i === 0 ? "*Headline numbers*" : " ", rows.slice(i, i + SLACK_LIMITS.fields)));
  blocks.push(context(`Published by ${who(data.publishedBy)}`));
  blocks.push(actions(button("Open report", data.url, true), button("Download PDF", data.files.pdf)));
  return blocks;
}

/** The message for one queued event payload (`{ event, data }`). */
export function slackMessage(payload: OutboundPayload): SlackMessage {
  switch (payload.event) {
    case "incident.declared": {
      const i = payload.data.incident;
      const lead = `${SEVERITY_MARK[i.severity] ?? ""} *${plain(i.severityLabel)} declared*`;
      return {
        text: `${i.severityLabel} declared: ${plain(i.title, 500)}`,
        blocks: [
          header(`${i.severityLabel} declared: ${i.title}`),
          ...incidentBlocks(i, lead, `Declared by ${who(payload.data.declaredBy)}`),
        ],
      };
    }
    case "incident.severity_raised": {
      const { incident: i, from, to, reason } = payload.data;
      const move = `${from.replace("SEV", "Sev")} → ${to.replace("SEV", "Sev")}`;
      return {
        text: `Severity raised ${move}: ${plain(i.title, 500)}`,
        blocks: [
          header(`Severity raised ${move}: ${i.title}`),
          ...incidentBlocks(
            i,
            `${SEVERITY_MARK[to] ?? ""} *Severity raised ${move}*${reason ? `\n>${mrkdwn(oneLine(reason), 1000)}` : ""}`,
            `Changed by ${who(payload.data.changedBy)}`,
          ),
        ],
      };
    }
    case "incident.mitigated":
    case "incident.resolved": {
      const i = payload.data.incident;
      const verb = payload.event === "incident.mitigated" ? "mitigated" : "resolved";
      return {
        text: `${i.severityLabel} ${verb}: ${plain(i.title, 500)}`,
        blocks: [
          header(`${i.severityLabel} ${verb}: ${i.title}`),
          ...incidentBlocks(i, `✅ *Incident ${verb}*`, `Marked ${verb} by ${who(payload.data.changedBy)}`),
        ],
      };
    }
    case "change.approval_needed": {
      const c = payload.data.change;
      return {
        text: `Approval needed: ${plain(c.title, 500)}`,
        blocks: [
          header(`Approval needed: ${c.title}`),
          section(
            `⏳ *Waiting for approval* by a senior engineer other than the author\n*${link(c.url, c.title, 1500)}*`,
            changeFields(payload.data),
          ),
          actions(button("Review and approve", c.url, true)),
        ],
      };
    }
    case "change.policy_violation_shipped": {
      const c = payload.data.change;
      return {
        text: `Shipped without approval: ${plain(c.title, 500)}`,
        blocks: [
          header(`Shipped without approval: ${c.title}`),
          section(`⚠️ *Policy violation shipped*\n*${link(c.url, c.title, 1500)}*`, changeFields(payload.data)),
          actions(button("Open change", c.url, true)),
        ],
      };
    }
    case "report.published":
      return {
        text: `Weekly report ${payload.data.week} published${payload.data.sentence ? `: ${plain(payload.data.sentence, 1000)}` : ""}`,
        blocks: reportBlocks(payload.data),
      };
    case "ping":
      return {
        text: `Test message from Faultline for ${plain(payload.data.webhook.name)}`,
        blocks: [
          section(
            `👋 *Test message from Faultline*\nThis destination (${link(payload.data.url, payload.data.webhook.name, 200)}) is set up. Sent by ${who(payload.data.sentBy)}.`,
          ),
        ],
      };
  }
}
