import Link from "next/link";
import { AiBadge, ApprovalBadge } from "@/components/changes/change-badges";
import { aiShareSeries, failureRateSeries, severitySeries } from "@/components/charts/chart-series";
import { TrendChart } from "@/components/charts/trend-chart";
import { buildCharts } from "@/components/dashboard/dashboard-charts";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { formatDay, formatDuration, formatMetric } from "@/lib/domain/format";
import { enumWords, levelWords, roleLabel, severityLabel } from "@/lib/reports/report-labels";
import type { ListExtent, WeeklyReportModel } from "@/lib/reports/weekly-report-model";

/** "Showing the first 50 of 1,234: see all in the list" under a bounded list. */
function MoreLink({ shown, extent, what }: { shown: number; extent: ListExtent; what: string }) {
  if (extent.total <= shown) return null;
  return (
    <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-700">
      Showing the first {shown} of {extent.total.toLocaleString("en")}.{" "}
      <Link href={extent.url} className="font-medium text-indigo-700 underline">
        See all {extent.total.toLocaleString("en")} {what} in the list
      </Link>
    </p>
  );
}

/** The report's figures and lists, rendered from the model (live or the published copy). */
export function WeeklyReportView({ report }: { report: WeeklyReportModel }) {
  const charts = buildCharts(report.dashboard);
  return (
    <>
      <DataTable
        columns={[
          "Headline",
          { label: "This week", align: "right" },
          { label: "Last week", align: "right" },
          { label: "4-week average", align: "right" },
        ]}
      >
        {report.headlines.map((h) => (
          <tr key={h.label}>
            <th scope="row" className="px-4 py-2 text-left font-medium">
              {h.label}
            </th>
            <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatMetric(h.current, h.unit)}</td>
            <td className="px-4 py-2 text-right tabular-nums text-slate-600">{formatMetric(h.previous, h.unit)}</td>
            <td className="px-4 py-2 text-right tabular-nums text-slate-600">
              {formatMetric(h.fourWeekAverage, h.unit)}
            </td>
          </tr>
        ))}
      </DataTable>

      <Panel title={`Sev1 and Sev2 incidents (${report.extents.majorIncidents.total})`}>
        {report.majorIncidents.length === 0 ? (
          <p className="text-sm text-slate-500">No Sev1 or Sev2 incident this week.</p>
        ) : (
          <ol className="space-y-5">
            {report.majorIncidents.map((incident) => (
              <li key={incident.id} className="break-inside-avoid">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={incident.severity} />
                  <Link href={`/incidents/${incident.id}`} className="font-semibold hover:text-indigo-600">
                    INC-{incident.id} {incident.title}
                  </Link>
                  <StatusBadge status={incident.status} />
                  <BlastRadiusBadge level={incident.blastRadiusLevel} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {incident.services.join(", ")} · duration {formatDuration(incident.durationSeconds * 1000)}
                  {incident.resolvedAt ? "" : " (open)"} ·{" "}
                  {incident.customerImpactPct === null
                    ? "share affected unknown"
                    : `${incident.customerImpactPct}% of customers/requests`}
                  {" · "}
                  {incident.failedTransactions === null
                    ? "failed orders unknown"
                    : `${incident.failedTransactions.toLocaleString("en")} failed orders`}
                  {incident.regions.length ? ` · ${incident.regions.join(", ")}` : ""}
                  {" · commander "}
                  {incident.commander ?? "none"} · review {enumWords(incident.reviewStatus)}
                </p>
                {incident.changes.length ? (
                  <ul className="mt-1.5 space-y-1 text-sm">
                    {incident.changes.map((change) => (
                      <li key={change.id} className="flex flex-wrap items-center gap-1.5">
                        <Badge tone={change.role === "TRIGGER" || change.role === "ROOT_CAUSE" ? "red" : "slate"}>
                          {roleLabel(change.role)}
                        </Badge>
                        <Link href={`/changes/${change.id}`} className="hover:text-indigo-600">
                          #{change.id} {change.title}
                        </Link>
                        <span className="text-xs text-slate-500">{levelWords(change.authorLevel)}</span>
                        <AiBadge
                          aiAssisted={change.aiAssisted}
                          toolName={change.aiTool}
                          involvement={change.aiInvolvement}
                        />
                        <ApprovalBadge {...change} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">No originating change linked.</p>
                )}
                {incident.changeCount > incident.changes.length ? (
                  <p className="mt-1 text-sm text-slate-600">
                    …and {incident.changeCount - incident.changes.length} more linked changes on{" "}
                    <Link href={`/incidents/${incident.id}`} className="text-indigo-700 underline">
                      the incident page
                    </Link>
                    .
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <MoreLink
          shown={report.majorIncidents.length}
          extent={report.extents.majorIncidents}
          what="Sev1/Sev2 incidents"
        />
      </Panel>

      <Panel title={`Policy violations shipped this week (${report.extents.violations.total})`}>
        {report.violations.length === 0 ? (
          <p className="text-sm text-slate-500">Every AI-assisted change that needed approval shipped with it.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {report.violations.map((change) => (
              <li key={change.id} className="py-2">
                <Link href={`/changes/${change.id}`} className="font-medium hover:text-indigo-600">
                  #{change.id} {change.title}
                </Link>
                <span className="text-slate-600">
                  {" "}
                  · {change.service} · {change.author ?? "unknown author"} ({levelWords(change.authorLevel, "unknown")})
                  · {change.aiTool ?? "AI"} · {change.approvalState.toLowerCase()}
                </span>
                {change.incidents.length ? (
                  <span className="text-red-700">
                    {" "}
                    · caused{" "}
                    {change.incidents
                      .map((l) => `INC-${l.id} (${severityLabel(l.severity)}, ${roleLabel(l.role).toLowerCase()})`)
                      .join(", ")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <MoreLink shown={report.violations.length} extent={report.extents.violations} what="violations" />
      </Panel>

      <div className="grid gap-5 lg:grid-cols-3">
        {(
          [
            ["Action items due this week", report.actionItems.dueThisWeek, report.actionItemTotals.dueThisWeek],
            ["Overdue action items", report.actionItems.overdue, report.actionItemTotals.overdue],
            ["Action items completed this week", report.actionItems.completed, report.actionItemTotals.completed],
          ] as const
        ).map(([title, items, total]) => (
          <Panel key={title} title={`${title} (${total})`}>
            {items.length === 0 ? (
              <p className="text-sm text-slate-500">None.</p>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {items.map((item) => (
                  <li key={item.id}>
                    <span className={item.completedAt ? "text-slate-500" : ""}>{item.title}</span>
                    <span className="block text-xs text-slate-500">
                      {item.owner ?? "no owner"} · due {formatDay(item.dueDate)} ·{" "}
                      <Link href={`/incidents/${item.incident.id}`} className="hover:underline">
                        INC-{item.incident.id}
                      </Link>
                    </span>
                  </li>
                ))}
                {total > items.length ? (
                  <li className="text-xs text-slate-600">…and {total - items.length} more.</li>
                ) : null}
              </ul>
            )}
          </Panel>
        ))}
      </div>

      <section aria-label="12-week trends" className="grid gap-5 xl:grid-cols-3">
        <TrendChart
          title="Incidents by severity, 12 weeks"
          description="By the week impact started."
          data={charts.incidents}
          empty="No incidents."
          series={severitySeries()}
        />
        <TrendChart
          title="AI-linked share, 12 weeks"
          description="Incidents whose trigger or root cause was AI-assisted."
          unit="percent"
          data={charts.incidents}
          empty="No incidents."
          series={aiShareSeries()}
        />
        <TrendChart
          title="Change failure rate, 12 weeks"
          description="AI-assisted vs other, by shipping week."
          unit="percent"
          data={charts.failure}
          empty="No changes shipped."
          series={failureRateSeries()}
        />
      </section>
    </>
  );
}
