// "Approval needed" email for the people who may approve (docs/email.md). Pure.
import { escapeHtml, headerText, type EmailMessage } from "./email-message";
import { INVOLVEMENT_LABEL, LEVEL_LABEL, type ChangeFactsPayload } from "./outbound-payloads";

export function approvalNeededEmail(data: ChangeFactsPayload, accountUrl: string): EmailMessage {
  const c = data.change;
  const level = data.authorLevel ? (LEVEL_LABEL[data.authorLevel] ?? data.authorLevel) : "unknown level";
  const ai = data.aiTool
    ? `${data.aiTool.name}${data.aiInvolvement ? ` (${INVOLVEMENT_LABEL[data.aiInvolvement] ?? data.aiInvolvement})` : ""}`
    : "not AI-assisted";
  const rows: Array<[string, string]> = (
    [
      ["Change", c.title],
      ["Author", `${data.author?.name ?? "unknown"} (${level})`],
      ["AI tool", ai],
      ["Service", data.service?.name ?? "none"],
      ["Repository", c.repository ?? "none"],
    ] as Array<[string, string]>
  ).map(([k, v]) => [k, headerText(v, 500)]);
  const text = [
    "A change is waiting for your approval.",
    "",
    ...rows.map(([k, v]) => `${k}: ${v}`),
    "",
    `Review and approve: ${c.url}`,
    "",
    `You get this because you may approve AI-assisted changes. Turn these emails off on your Account page: ${accountUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>A change is waiting for your approval.</p>
<table cellpadding="4" style="border-collapse:collapse">${rows
    .map(([k, v]) => `<tr><th align="left" style="color:#475569">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("")}</table>
<p><a href="${escapeHtml(c.url)}">Review and approve</a></p>
<p style="font-size:12px;color:#64748b">You get this because you may approve AI-assisted changes.
<a href="${escapeHtml(accountUrl)}">Turn these emails off on your Account page</a>.</p>
</body></html>`;
  return { subject: headerText(`Approval needed: ${c.title}`), text, html };
}

/** One email for a batch (an integration registered many changes at once): a link to the queue. */
export function approvalBatchEmail(count: number, source: string, approvalsUrl: string, accountUrl: string) {
  const line = `${count} changes from ${source} are waiting for approval.`;
  return {
    subject: headerText(line),
    text: `${line}\n\nReview them: ${approvalsUrl}\n\nTurn these emails off on your Account page: ${accountUrl}`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif"><p>${escapeHtml(line)}</p><p><a href="${escapeHtml(approvalsUrl)}">Review them</a></p><p style="font-size:12px;color:#64748b"><a href="${escapeHtml(accountUrl)}">Turn these emails off on your Account page</a>.</p></body></html>`,
  } satisfies EmailMessage;
}
