import "server-only";
import { buildWeeklyReportModel } from "@/lib/reports/build-weekly-report-model";
import type { WeeklyReportModel } from "@/lib/reports/weekly-report-model";
import { getWeeklyReport } from "./get-weekly-report";
import { listWeekChanges, listWeekIncidents } from "./list-week-rows";

/**
 * The weekly report of the week starting `monday`, built once from the report queries;
 * every rendering (page, PDF, Markdown, CSV, API) takes this object.
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
  const incidents = await listWeekIncidents(monday, timeZone);
  const changes = await listWeekChanges(monday, timeZone);
  return buildWeeklyReportModel(
    { report, incidents, changes },
    {
      isoWeek: options.isoWeek,
      timeZone,
      organisation: options.organisation,
      generatedAt: now,
      baseUrl: options.baseUrl,
    },
  );
}
