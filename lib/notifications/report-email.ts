// The published weekly report as an email: HTML with the headline table, the published
// Markdown as text/plain and text/markdown, the frozen PDF attached (docs/email.md). Pure.
import { formatMetric, type MetricUnit } from "@/lib/domain/format";
import { escapeHtml, headerText, type EmailMessage } from "./email-message";
import type { HeadlineRow } from "./outbound-payloads";

export function weeklyReportEmail(options: {
  organisation: string;
  week: string;
  publicationId: number;
  headline: HeadlineRow[];
  sentence: string | null;
  markdown: string;
  reportUrl: string;
}): EmailMessage {
  const { week, headline } = options;
  const title = `${options.organisation}: weekly report ${week}`;
  const rows = headline
    .map(
      (h) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;font-weight:500;color:#334155">${escapeHtml(h.label)}</th><td align="right" style="padding:4px 0;font-variant-numeric:tabular-nums">${escapeHtml(formatMetric(h.value, h.unit as MetricUnit))}</td></tr>`,
    )
    .join("");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${options.sentence ? `<p><em>${escapeHtml(options.sentence)}</em></p>` : ""}
<table style="border-collapse:collapse">${rows}</table>
<p>The full report is attached as PDF. <a href="${escapeHtml(options.reportUrl)}">Open it in Faultline</a>.</p>
</body></html>`;
  return {
    subject: headerText(title),
    text: options.markdown,
    markdown: options.markdown,
    html,
    attachments: [
      { kind: "weekly-report-pdf", publicationId: options.publicationId, filename: `faultline-weekly-${week}.pdf` },
    ],
  };
}
