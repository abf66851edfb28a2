import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AiBadge, ApprovalBadge } from "@/components/changes/change-badges";
import { aiShareSeries, failureRateSeries, severitySeries } from "@/components/charts/chart-series";
import { TrendChart } from "@/components/charts/trend-chart";
import { buildCharts } from "@/components/dashboard/dashboard-charts";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { PrintButton } from "@/components/reports/print-button";
import { PublishReportButton, ReportNotesForm } from "@/components/reports/report-forms";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { AiComparisonPanel, AiComparisonSentence } from "@/components/reports/ai-comparison-summary";
import { DataTable } from "@/components/ui/table";
import { formatDateTime, formatDuration, formatMetric } from "@/lib/domain/format";
import { enumWords, levelWords, roleLabel, severityLabel } from "@/lib/reports/report-labels";
import { addDays, formatWeekLabel, isoWeekToMonday, mondayToIsoWeek } from "@/lib/domain/weeks";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getWeeklyReportModel } from "@/lib/server/queries/reports/get-weekly-report-model";
import { getLatestPublication, getReportNotes } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { ReportRecipientsForm } from "@/components/reports/report-recipients-form";
import { getReportRecipients } from "@/lib/server/queries/reports/get-report-recipients";
import { smtpSettings } from "@/lib/server/services/email/smtp-settings";

type Props = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week } = await params;
  return { title: `Weekly report ${week}` };
}

export default async function WeeklyReportPage({ params }: Props) {
  const { week } = await params;
  const user = await requirePageUser(`/reports/weekly/${week}`);
  const monday = isoWeekToMonday(week);
  if (!monday) notFound();
  const { timeZone, name } = await getOrgSettings();
  const now = new Date();
  const [report, publication, notes, recipients] = await Promise.all([
    getWeeklyReportModel({ isoWeek: week, monday, timeZone, organisation: name, baseUrl: "", now }),
    getLatestPublication(week),
    getReportNotes(week),
    getReportRecipients(),
  ]);
  const charts = buildCharts(report.dashboard);
  const canPublish = can(user.role, "report:publish");
  // Headline numbers that moved since the report was published (later edits to incidents or
  // changes), compared as shown; lines added to the report after it was published are skipped.
  const changedSincePublished = publication
    ? report.headlines.flatMap((line) => {
        const published = publication.headline.find((p) => p.label === line.label);
        if (!published) return [];
        const [before, after] = [formatMetric(published.value, line.unit), formatMetric(line.current, line.unit)];
        return before === after ? [] : [{ label: line.label, before, after }];
      })
    : [];
  const exportBase = `/reports/weekly/${week}/export`;

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-indigo-600">This Week in Stores Tech · {name}</p>
          <h1 className="text-2xl font-semibold tracking-tight">
            Weekly review: week of {formatWeekLabel(monday)} {monday.slice(0, 4)} ({week})
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Monday {monday} to Sunday {addDays(monday, 6)}, {timeZone}. Generated {formatDateTime(now, timeZone)}.
          </p>
        </div>
        <nav aria-label="Report actions" className="no-print flex flex-wrap items-center gap-2 text-sm">
          <Link
            href={`/reports/weekly/${mondayToIsoWeek(addDays(monday, -7))}`}
            className="rounded-md px-2.5 py-1.5 text-slate-600 hover:bg-slate-100"
          >
            ← Previous week
          </Link>
          <Link
            href={`/reports/weekly/${mondayToIsoWeek(addDays(monday, 7))}`}
            className="rounded-md px-2.5 py-1.5 text-slate-600 hover:bg-slate-100"
          >
            Next week →
          </Link>
          <a
            href={`${exportBase}?format=pdf`}
            className="rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            PDF
          </a>
          <a
            href={`${exportBase}?format=md`}
            className="rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            Markdown
          </a>
          <a
            href={`${exportBase}?format=incidents.csv`}
            className="rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            Incidents CSV
          </a>
          <a
            href={`${exportBase}?format=changes.csv`}
            className="rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            Changes CSV
          </a>
          <a
            href={`${exportBase}?format=ai-comparison.csv`}
            className="rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          >
            AI comparison CSV
          </a>
          <PrintButton />
        </nav>
      </header>
      <AiComparisonSentence comparison={report.dashboard.aiComparison} />
      <AiComparisonPanel comparison={report.dashboard.aiComparison} />

      {publication ? (
        <section aria-label="Publication" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm">
            <Badge tone="green">Published</Badge> {formatDateTime(publication.publishedAt, timeZone)} by{" "}
            {publication.publishedBy}. Published files:{" "}
            <a href={`${exportBase}?format=pdf&published=${publication.id}`} className="text-indigo-700 underline">
              PDF
            </a>
            ,{" "}
            <a href={`${exportBase}?format=md&published=${publication.id}`} className="text-indigo-700 underline">
              Markdown
            </a>
            ,{" "}
            <a
              href={`${exportBase}?format=incidents.csv&published=${publication.id}`}
              className="text-indigo-700 underline"
            >
              incidents CSV
            </a>
            ,{" "}
            <a
              href={`${exportBase}?format=changes.csv&published=${publication.id}`}
              className="text-indigo-700 underline"
            >
              changes CSV
            </a>
            .
          </p>
          {changedSincePublished.length ? (
            <div
              role="status"
              className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20"
            >
              <p className="font-semibold">Changed since published</p>
              <ul className="mt-1 space-y-0.5">
                {changedSincePublished.map((line) => (
                  <li key={line.label}>
                    {line.label}: {line.before} → {line.after}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-xs text-slate-500">Nothing has changed since it was published.</p>
          )}
        </section>
      ) : null}

      {canPublish || notes ? (
        <Panel title="Notes for the meeting">
          {canPublish ? (
            <div className="space-y-4">
              <ReportNotesForm week={week} notes={notes} />
              <div className="no-print border-t border-slate-100 pt-4">
                <ReportRecipientsForm week={week} recipients={recipients} emailEnabled={smtpSettings() !== null} />
              </div>
              <div className="no-print border-t border-slate-100 pt-4">
                <PublishReportButton week={week} republish={publication !== null} />
              </div>
            </div>
          ) : (
            <p className="whitespace-pre-line text-sm text-slate-700">{notes}</p>
          )}
        </Panel>
      ) : null}

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

      <Panel title={`Sev1 and Sev2 incidents (${report.majorIncidents.length})`}>
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
              </li>
            ))}
          </ol>
        )}
      </Panel>

      <Panel title={`Policy violations shipped this week (${report.violations.length})`}>
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
      </Panel>

      <div className="grid gap-5 lg:grid-cols-3">
        {(
          [
            ["Action items due this week", report.actionItems.dueThisWeek],
            ["Overdue action items", report.actionItems.overdue],
            ["Action items completed this week", report.actionItems.completed],
          ] as const
        ).map(([title, items]) => (
          <Panel key={title} title={`${title} (${items.length})`}>
            {items.length === 0 ? (
              <p className="text-sm text-slate-500">None.</p>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {items.map((item) => (
                  <li key={item.id}>
                    <span className={item.completedAt ? "text-slate-500" : ""}>{item.title}</span>
                    <span className="block text-xs text-slate-500">
                      {item.owner ?? "no owner"} · due {item.dueDate} ·{" "}
                      <Link href={`/incidents/${item.incident.id}`} className="hover:underline">
                        INC-{item.incident.id}
                      </Link>
                    </span>
                  </li>
                ))}
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
    </article>
  );
}
