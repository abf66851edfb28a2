import "server-only";
import { aiComparisonCsv } from "@/lib/reports/ai-comparison-render";
import { reportHeadlines } from "@/lib/reports/report-headline";
import { changesCsv, incidentsCsv } from "@/lib/reports/weekly-csv";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { getWeeklyReport } from "./get-weekly-report";
import { listWeekChanges, listWeekIncidents } from "./list-week-rows";

export type HeadlineSnapshot = Array<{ label: string; unit: string; value: number | null }>;

/** The report of a week and its files, as the export route serves and publishing freezes them. */
export async function buildWeeklyReportFiles(options: {
  week: string;
  monday: string;
  timeZone: string;
  organisation: string;
  baseUrl: string;
  now: Date;
}) {
  const { week, monday, timeZone, now } = options;
  const report = await getWeeklyReport({ monday, timeZone, now });
  const headline: HeadlineSnapshot = reportHeadlines(report.dashboard).map((l) => ({
    label: l.label,
    unit: l.unit,
    value: l.headline.current,
  }));
  return {
    report,
    headline,
    markdown: weeklyMarkdown(report, {
      isoWeek: week,
      organisation: options.organisation,
      timeZone,
      generatedAt: now,
      baseUrl: options.baseUrl,
    }),
    incidentsCsv: incidentsCsv(await listWeekIncidents(monday, timeZone), now),
    changesCsv: changesCsv(await listWeekChanges(monday, timeZone)),
    aiComparisonCsv: aiComparisonCsv(report.dashboard.aiComparison),
  };
}
