import "server-only";
import { aiComparisonCsv } from "@/lib/reports/ai-comparison-render";
import { changesCsv, incidentsCsv } from "@/lib/reports/weekly-csv";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { getWeeklyReportModel } from "./get-weekly-report-model";

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
    incidentsCsv: incidentsCsv(model.incidentRows),
    changesCsv: changesCsv(model.changeRows),
    aiComparisonCsv: aiComparisonCsv(model.dashboard.aiComparison),
  };
}
