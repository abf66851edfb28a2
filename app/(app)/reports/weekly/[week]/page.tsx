import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AiComparisonPanel, AiComparisonSentence } from "@/components/reports/ai-comparison-summary";
import { PrintButton } from "@/components/reports/print-button";
import { PublishReportButton, ReportNotesForm } from "@/components/reports/report-forms";
import { WeeklyReportView } from "@/components/reports/weekly-report-view";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { formatDateTime, formatDay, formatMetric } from "@/lib/domain/format";
import { addDays, formatWeekLabel, isoWeekToMonday, mondayToIsoWeek, weekOf, zonedMidnight } from "@/lib/domain/weeks";
import type { WeeklyReportModel } from "@/lib/reports/weekly-report-model";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { prewarmPdfWorker } from "@/lib/server/pdf/render-weekly-pdf";
import { can } from "@/lib/server/permissions";
import { getReportHeadlines } from "@/lib/server/queries/reports/get-report-headlines";
import { getWeeklyReportModel } from "@/lib/server/queries/reports/get-weekly-report-model";
import { getLatestPublication, getReportNotes } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { ReportRecipientsForm } from "@/components/reports/report-recipients-form";
import { getReportRecipients } from "@/lib/server/queries/reports/get-report-recipients";
import { smtpSettings } from "@/lib/server/services/email/smtp-settings";

type Props = { params: Promise<{ week: string }>; searchParams: Promise<{ live?: string }> };
type Publication = NonNullable<Awaited<ReturnType<typeof getLatestPublication>>>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week } = await params;
  return { title: `Weekly report ${week}` };
}

const exportLink =
  "rounded-md px-2.5 py-1.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50";

export default async function WeeklyReportPage({ params, searchParams }: Props) {
  const { week } = await params;
  const live = (await searchParams).live === "1";
  const user = await requirePageUser(`/reports/weekly/${week}`);
  const monday = isoWeekToMonday(week);
  if (!monday) notFound();
  const { timeZone, name } = await getOrgSettings();
  const now = new Date();
  const currentMonday = weekOf(now, timeZone);
  const nextMonday = addDays(monday, 7);
  const ended = zonedMidnight(nextMonday, timeZone) <= now;
  const exportBase = `/reports/weekly/${week}/export`;
  // Someone reading a report often downloads its PDF next: start the renderer now.
  prewarmPdfWorker();

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-indigo-600">This Week in Stores Tech · {name}</p>
          <h1 className="text-2xl font-semibold tracking-tight">
            Weekly review: week of {formatWeekLabel(monday)} {monday.slice(0, 4)} ({week})
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Monday {formatDay(monday)} to Sunday {formatDay(addDays(monday, 6))}, {timeZone}.
            {ended ? "" : " This week is not over yet: its figures are so far."}
          </p>
        </div>
        <nav aria-label="Report actions" className="no-print flex flex-wrap items-center gap-2 text-sm">
          <Link
            href={`/reports/weekly/${mondayToIsoWeek(addDays(monday, -7))}`}
            className="rounded-md px-2.5 py-1.5 text-slate-600 hover:bg-slate-100"
          >
            ← Previous week
          </Link>
          {nextMonday <= currentMonday ? (
            <Link
              href={`/reports/weekly/${mondayToIsoWeek(nextMonday)}`}
              className="rounded-md px-2.5 py-1.5 text-slate-600 hover:bg-slate-100"
            >
              Next week →
            </Link>
          ) : null}
          <a href={`${exportBase}?format=pdf`} className={exportLink}>
            PDF
          </a>
          <a href={`${exportBase}?format=md`} className={exportLink}>
            Markdown
          </a>
          <a href={`${exportBase}?format=incidents.csv`} className={exportLink}>
            Incidents CSV
          </a>
          <a href={`${exportBase}?format=changes.csv`} className={exportLink}>
            Changes CSV
          </a>
          <a href={`${exportBase}?format=ai-comparison.csv`} className={exportLink}>
            AI comparison CSV
          </a>
          <PrintButton />
        </nav>
      </header>
      {/* The header goes out at once; the figures stream in when their queries finish. */}
      <Suspense fallback={<ReportLoading />}>
        <ReportContent
          week={week}
          monday={monday}
          timeZone={timeZone}
          organisation={name}
          now={now}
          live={live}
          ended={ended}
          canPublish={can(user.role, "report:publish")}
        />
      </Suspense>
    </article>
  );
}

function ReportLoading() {
  return (
    <div role="status" className="space-y-3" aria-label="Loading the report">
      <p className="text-sm text-slate-600">Loading the week&apos;s figures…</p>
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}

async function ReportContent(props: {
  week: string;
  monday: string;
  timeZone: string;
  organisation: string;
  now: Date;
  live: boolean;
  ended: boolean;
  canPublish: boolean;
}) {
  const { week, monday, timeZone, now } = props;
  const [publication, notes, recipients] = await Promise.all([
    getLatestPublication(week),
    getReportNotes(week),
    // The distribution list is shown only to those who may publish.
    props.canPublish ? getReportRecipients() : [],
  ]);
  // A published week is served from its frozen copy unless the live figures are asked for.
  const frozen = publication?.model && !props.live ? publication.model : null;
  const report: WeeklyReportModel =
    frozen ??
    (await getWeeklyReportModel({
      isoWeek: week,
      monday,
      timeZone,
      organisation: props.organisation,
      baseUrl: "",
      now,
    }));

  return (
    <>
      <p className="text-sm text-slate-600">
        {frozen ? "Published copy, generated " : "Generated "}
        {formatDateTime(report.meta.generatedAt, timeZone)}.
      </p>
      <AiComparisonSentence comparison={report.dashboard.aiComparison} />
      <AiComparisonPanel comparison={report.dashboard.aiComparison} />

      {publication ? (
        <PublicationPanel
          week={week}
          publication={publication}
          frozen={frozen !== null}
          liveHeadlines={frozen ? null : report.headlines}
          monday={monday}
          timeZone={timeZone}
          now={now}
        />
      ) : null}

      {props.canPublish || notes ? (
        <Panel title="Notes for the meeting">
          {props.canPublish ? (
            <div className="space-y-4">
              <ReportNotesForm week={week} notes={notes} />
              <div className="no-print border-t border-slate-100 pt-4">
                <ReportRecipientsForm week={week} recipients={recipients} emailEnabled={smtpSettings() !== null} />
              </div>
              <div className="no-print border-t border-slate-100 pt-4">
                {props.ended ? (
                  <PublishReportButton week={week} republish={publication !== null} />
                ) : (
                  <p className="text-sm text-slate-700">
                    This week has not ended yet. It can be published from Monday {formatDay(addDays(monday, 7))}, when
                    its figures are final.
                  </p>
                )}
              </div>
            </div>
          ) : (
            <p className="whitespace-pre-line text-sm text-slate-700">{notes}</p>
          )}
        </Panel>
      ) : null}

      <WeeklyReportView report={report} />
    </>
  );
}

function PublicationPanel(props: {
  week: string;
  publication: Publication;
  frozen: boolean;
  liveHeadlines: WeeklyReportModel["headlines"] | null;
  monday: string;
  timeZone: string;
  now: Date;
}) {
  const { publication, week } = props;
  const exportBase = `/reports/weekly/${week}/export`;
  const file = (format: string) => `${exportBase}?format=${format}&published=${publication.id}`;
  return (
    <section aria-label="Publication" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm">
        <Badge tone="green">Published</Badge> {formatDateTime(publication.publishedAt, props.timeZone)} by{" "}
        {publication.publishedBy}. Published files:{" "}
        <a href={file("pdf")} className="text-indigo-700 underline">
          PDF
        </a>
        ,{" "}
        <a href={file("md")} className="text-indigo-700 underline">
          Markdown
        </a>
        ,{" "}
        <a href={file("incidents.csv")} className="text-indigo-700 underline">
          incidents CSV
        </a>
        ,{" "}
        <a href={file("changes.csv")} className="text-indigo-700 underline">
          changes CSV
        </a>
        .
      </p>
      <p className="text-sm text-slate-700">
        {props.frozen ? (
          <>
            You are reading the report as it was published.{" "}
            <Link href={`/reports/weekly/${week}?live=1`} className="text-indigo-700 underline">
              Show today&apos;s figures
            </Link>
          </>
        ) : (
          <>
            You are reading today&apos;s figures.{" "}
            <Link href={`/reports/weekly/${week}`} className="text-indigo-700 underline">
              Show the published copy
            </Link>
          </>
        )}
      </p>
      <Suspense fallback={<p className="text-xs text-slate-500">Comparing with today&apos;s figures…</p>}>
        <ChangedSincePublished {...props} />
      </Suspense>
    </section>
  );
}

/** Headline numbers that moved since publishing (later edits), compared as shown. */
async function ChangedSincePublished(props: {
  publication: Publication;
  liveHeadlines: WeeklyReportModel["headlines"] | null;
  monday: string;
  timeZone: string;
  now: Date;
}) {
  const live = props.liveHeadlines ?? (await getReportHeadlines(props.monday, props.timeZone, props.now));
  const changed = live.flatMap((line) => {
    const published = props.publication.headline.find((p) => p.label === line.label);
    if (!published) return [];
    const [before, after] = [formatMetric(published.value, line.unit), formatMetric(line.current, line.unit)];
    return before === after ? [] : [{ label: line.label, before, after }];
  });
  if (changed.length === 0)
    return <p className="text-xs text-slate-500">Nothing has changed since it was published.</p>;
  return (
    <div
      role="status"
      className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20"
    >
      <p className="font-semibold">Changed since published</p>
      <ul className="mt-1 space-y-0.5">
        {changed.map((line) => (
          <li key={line.label}>
            {line.label}: {line.before} → {line.after}
          </li>
        ))}
      </ul>
    </div>
  );
}
