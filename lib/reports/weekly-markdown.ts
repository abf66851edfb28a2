// The weekly report as Markdown: paste-ready for a wiki page or an email.
import { aiComparisonMarkdownLines } from "./ai-comparison-render";
import { approvalCompliance } from "@/lib/domain/approval-policy";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import { formatDuration } from "@/lib/domain/format";
import { addDays } from "@/lib/domain/weeks";
import type { WeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import { formatHeadlineValue, reportHeadlines } from "./report-headline";

const cell = (value: string) => value.replaceAll("|", "\\|").replaceAll("\n", " ");
const sev = (s: string) => s.replace("SEV", "Sev");

export function weeklyMarkdown(
  report: WeeklyReport,
  meta: { isoWeek: string; organisation: string; timeZone: string; generatedAt: Date; baseUrl: string },
): string {
  const { monday } = report;
  const lines: string[] = [];
  lines.push(`# Weekly review (TWiST): ${meta.organisation}, week ${meta.isoWeek}`);
  lines.push("");
  lines.push(
    `Monday ${monday} to Sunday ${addDays(monday, 6)} (${meta.timeZone}). Generated ${meta.generatedAt.toISOString()}.`,
  );
  lines.push("");
  lines.push(...aiComparisonMarkdownLines(report.dashboard.aiComparison));
  lines.push("## Headline numbers");
  lines.push("");
  lines.push("| Metric | This week | Last week | 4-week average |");
  lines.push("|---|---:|---:|---:|");
  for (const { label, unit, headline } of reportHeadlines(report.dashboard)) {
    lines.push(
      `| ${label} | ${formatHeadlineValue(headline.current, unit)} | ${formatHeadlineValue(headline.previous, unit)} | ${formatHeadlineValue(headline.fourWeekAverage, unit)} |`,
    );
  }
  lines.push("");
  lines.push(`## Sev1 and Sev2 incidents (${report.majorIncidents.length})`);
  lines.push("");
  if (report.majorIncidents.length === 0) lines.push("No Sev1 or Sev2 incident this week.");
  else {
    lines.push(
      "| Incident | Severity | Duration | Blast radius | Customers affected | Failed orders | Regions | Originating changes | Commander | Review |",
    );
    lines.push("|---|---|---|---|---:|---:|---|---|---|---|");
    for (const i of report.majorIncidents) {
      const duration =
        formatDuration((i.resolvedAt ?? meta.generatedAt).getTime() - i.impactStartedAt.getTime()) +
        (i.resolvedAt ? "" : " (open)");
      const changes = i.changes.length
        ? i.changes
            .map(({ role, change }) => {
              const ai = change.aiAssisted
                ? `AI: ${change.aiTool?.name ?? "unknown tool"}${change.aiInvolvement ? `, ${change.aiInvolvement.toLowerCase().replace("_", "-")}` : ""}`
                : "not AI";
              const level = change.authorLevel ? LEVEL_LABELS[change.authorLevel].toLowerCase() : "unknown level";
              const approval = approvalCompliance(change).toLowerCase().replace("_", " ");
              return `${LINK_ROLE_LABELS[role]}: #${change.id} ${change.title} (${ai}; ${level}; approval ${approval})`;
            })
            .join("<br>")
        : "none linked";
      lines.push(
        `| [INC-${i.id} ${cell(i.title)}](${meta.baseUrl}/incidents/${i.id}) | ${sev(i.severity)} | ${duration} | ${i.blastRadiusLevel.toLowerCase()} | ${i.customerImpactPct === null ? "—" : `${Number(i.customerImpactPct)}%`} | ${i.failedTransactions ?? "—"} | ${i.regions.map((r) => r.region.code).join(", ") || "—"} | ${cell(changes)} | ${i.commander?.name ?? "—"} | ${i.reviewStatus.toLowerCase().replace("_", " ")} |`,
      );
    }
  }
  lines.push("");
  lines.push(`## Policy violations shipped this week (${report.violations.length})`);
  lines.push("");
  if (report.violations.length === 0) lines.push("Every AI-assisted change that needed approval shipped with it.");
  for (const c of report.violations) {
    const caused = c.incidents.length
      ? `; caused ${c.incidents.map((l) => `INC-${l.incident.id} (${sev(l.incident.severity)})`).join(", ")}`
      : "";
    lines.push(
      `- [#${c.id} ${cell(c.title)}](${meta.baseUrl}/changes/${c.id}): ${c.service.name}, ${c.author?.name ?? "unknown author"} (${c.authorLevel ? LEVEL_LABELS[c.authorLevel].toLowerCase() : "unknown level"}), ${c.aiTool?.name ?? "AI"}, approval ${c.approvalState.toLowerCase()}${caused}`,
    );
  }
  const items = (title: string, list: WeeklyReport["actionItems"]["dueThisWeek"]) => {
    lines.push("");
    lines.push(`## ${title} (${list.length})`);
    lines.push("");
    if (list.length === 0) lines.push("None.");
    for (const a of list)
      lines.push(
        `- ${a.completedAt ? "[x]" : "[ ]"} ${a.title} — ${a.owner.name}, due ${a.dueDate.toISOString().slice(0, 10)} (INC-${a.incident.id})`,
      );
  };
  items("Action items due this week", report.actionItems.dueThisWeek);
  items("Overdue action items", report.actionItems.overdue);
  items("Action items completed this week", report.actionItems.completed);
  lines.push("");
  return lines.join("\n");
}
