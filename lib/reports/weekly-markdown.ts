// The weekly report as Markdown, rendered from the report model: paste-ready for a wiki
// page or an email. Every piece of user text goes through mdText/mdLink (lib/reports/markdown.ts).
import { formatDateTime, formatDay, formatDuration, formatMetric } from "@/lib/domain/format";
import { aiComparisonMarkdownLines } from "./ai-comparison-render";
import { mdLink, mdText } from "./markdown";
import { aiWords, enumWords, levelWords, roleLabel, severityLabel as sev } from "./report-labels";
import type { ListExtent, ReportActionItem, WeeklyReportModel } from "./weekly-report-model";

export function weeklyMarkdown(model: WeeklyReportModel): string {
  const { meta } = model;
  const lines: string[] = [];
  const section = (title: string) => lines.push("", `## ${title}`, "");
  lines.push(`# Weekly review (TWiST): ${mdText(meta.organisation)}, week ${meta.isoWeek}`);
  lines.push("");
  lines.push(
    `Monday ${formatDay(meta.monday)} to Sunday ${formatDay(meta.sunday)} (${mdText(meta.timeZone)}). Generated ${formatDateTime(meta.generatedAt, meta.timeZone)}.`,
  );
  lines.push("", ...aiComparisonMarkdownLines(model.dashboard.aiComparison));
  section("Headline numbers");
  lines.push("| Metric | This week | Last week | 4-week average |");
  lines.push("|---|---:|---:|---:|");
  for (const h of model.headlines) {
    const [current, previous, average] = [h.current, h.previous, h.fourWeekAverage].map((v) => formatMetric(v, h.unit));
    lines.push(`| ${mdText(h.label)} | ${current} | ${previous} | ${average} |`);
  }

  const more = (shown: number, { total, url }: ListExtent, what: string) => {
    if (total > shown)
      lines.push("", `Showing the first ${shown} of ${total}: ${mdLink(`all ${total} ${what}`, url)}.`);
  };
  section(`Sev1 and Sev2 incidents (${model.extents.majorIncidents.total})`);
  if (model.majorIncidents.length === 0) lines.push("No Sev1 or Sev2 incident this week.");
  else {
    lines.push(
      "| Incident | Severity | Duration | Blast radius | Customers affected | Failed orders | Regions | Originating changes | Commander | Review |",
    );
    lines.push("|---|---|---|---|---:|---:|---|---|---|---|");
    for (const i of model.majorIncidents) {
      const duration = formatDuration(i.durationSeconds * 1000) + (i.resolvedAt ? "" : " (open)");
      const changes = i.changes.length
        ? i.changes
            .map(
              (c) =>
                `${roleLabel(c.role)}: ${mdLink(`#${c.id} ${c.title}`, c.url)} (${mdText(aiWords(c))}; ${levelWords(c.authorLevel)}; approval ${enumWords(c.compliance)})`,
            )
            .join("<br>")
        : "none linked";
      const cells = [
        mdLink(`INC-${i.id} ${i.title}`, i.url),
        sev(i.severity),
        duration,
        enumWords(i.blastRadiusLevel),
        i.customerImpactPct === null ? "—" : `${i.customerImpactPct}%`,
        i.failedTransactions ?? "—",
        mdText(i.regions.join(", ")) || "—",
        changes,
        mdText(i.commander) || "—",
        enumWords(i.reviewStatus),
      ];
      lines.push(`| ${cells.join(" | ")} |`);
    }
    more(model.majorIncidents.length, model.extents.majorIncidents, "in the incidents list");
  }

  section(`Policy violations shipped this week (${model.extents.violations.total})`);
  if (model.violations.length === 0) lines.push("Every AI-assisted change that needed approval shipped with it.");
  for (const c of model.violations) {
    const caused = c.incidents.length
      ? `; caused ${c.incidents.map((l) => `${mdLink(`INC-${l.id}`, l.url)} (${sev(l.severity)})`).join(", ")}`
      : "";
    lines.push(
      `- ${mdLink(`#${c.id} ${c.title}`, c.url)}: ${mdText(c.service)}, ${mdText(c.author ?? "unknown author")} (${levelWords(c.authorLevel)}), ${mdText(c.aiTool ?? "AI")}, approval ${enumWords(c.approvalState)}${caused}`,
    );
  }
  more(model.violations.length, model.extents.violations, "in the changes list");
  const items = (title: string, list: ReportActionItem[], total: number) => {
    section(`${title} (${total})`);
    if (list.length === 0) lines.push("None.");
    for (const a of list)
      lines.push(
        `- ${a.completedAt ? "[x]" : "[ ]"} ${mdText(a.title)} — ${mdText(a.owner ?? "no owner")}, due ${formatDay(a.dueDate)} (${mdLink(`INC-${a.incident.id}`, a.incident.url)})`,
      );
    if (total > list.length) lines.push(`- … and ${total - list.length} more`);
  };
  const totals = model.actionItemTotals;
  items("Action items due this week", model.actionItems.dueThisWeek, totals.dueThisWeek);
  items("Overdue action items", model.actionItems.overdue, totals.overdue);
  items("Action items completed this week", model.actionItems.completed, totals.completed);
  lines.push("");
  return lines.join("\n");
}
