import { isoWeekToMonday } from "@/lib/domain/weeks";
import { isDayInRange } from "@/lib/schemas/dates";
import { weeklyReportJson } from "@/lib/reports/weekly-json";
import { apiRoute, json } from "@/lib/server/api/api-route";
import { AppError } from "@/lib/server/errors";
import { getWeeklyReportModel } from "@/lib/server/queries/reports/get-weekly-report-model";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

/** The weekly review (TWiST) for an ISO week, as JSON: the same numbers as the report page and its files. */
export const GET = apiRoute<{ week: string }>("read", async ({ params, origin }) => {
  const monday = isoWeekToMonday(params.week);
  if (!monday) throw new AppError("NOT_FOUND", `"${params.week}" is not an ISO week such as 2026-W47.`);
  if (!isDayInRange(monday))
    throw new AppError("VALIDATION", "Ask for a week from 2000-W01 up to the current one.", {
      fieldErrors: { week: ["From 2000-W01 up to this week."] },
    });
  const { timeZone, name } = await getOrgSettings();
  const model = await getWeeklyReportModel({
    isoWeek: params.week,
    monday,
    timeZone,
    organisation: name,
    baseUrl: origin,
    now: new Date(),
  });
  return json(weeklyReportJson(model));
});
