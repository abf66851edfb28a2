import "server-only";
import { buildWeeklyReportModel } from "@/lib/reports/build-weekly-report-model";
import type { WeeklyReportModel } from "@/lib/reports/weekly-report-model";
import { getWeeklyReport } from "./get-weekly-report";

/**
 * The weekly report of the week starting `monday`, built once from the report queries;
 * every rendering (page, PDF, Markdown, API) takes this object. Its size is bounded (the
 * lists hold at most REPORT_LIST_LIMIT items); the CSVs stream every row (week-csv.ts).
 */
export async function getWeeklyReportModel(options: {
  isoWeek: string;
  monday: string;
  timeZone: string;
  organisation: string;
  baseUrl: string;
  now: Date;
}): Promise<WeeklyReportModel> {
  const { monday, timeZone, now } = options;
  const report = await getWeeklyReport({ monday, timeZone, now });
  return buildWeeklyReportModel(
    { report },
    {
      isoWeek: options.isoWeek,
      timeZone,
      organisation: options.organisation,
      generatedAt: now,
      baseUrl: options.baseUrl,
    },
  );
}
