import "server-only";
import { aiComparisonCsv } from "@/lib/reports/ai-comparison-render";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { getWeeklyReportModel } from "./get-weekly-report-model";
import { weekCsvText } from "./week-csv";

export type HeadlineSnapshot = Array<{ label: string; unit: string; value: number | null }>;

/** The report model of a week and its text files, as the export route serves and publishing freezes them. */
export async function buildWeeklyReportFiles(options: {
  week: string;
  monday: string;
  timeZone: string;
  organisation: string;
  baseUrl: string;
  now: Date;
}) {
  const model = await getWeeklyReportModel({ ...options, isoWeek: options.week });
  const headline: HeadlineSnapshot = model.headlines.map((h) => ({ label: h.label, unit: h.unit, value: h.current }));
  return {
    model,
    headline,
    markdown: weeklyMarkdown(model),
    incidentsCsv: await weekCsvText("incidents", options.monday, options.timeZone, options.now),
    changesCsv: await weekCsvText("changes", options.monday, options.timeZone, options.now),
    aiComparisonCsv: aiComparisonCsv(model.dashboard.aiComparison),
  };
}
