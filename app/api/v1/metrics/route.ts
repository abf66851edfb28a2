import { addDays, isDay, lastFullWeeks, mondayOf } from "@/lib/domain/weeks";
import { apiMetricsQuery } from "@/lib/schemas/api/metrics";
import { apiRoute, json, queryObject } from "@/lib/server/api/api-route";
import { changeFiltersOf } from "@/lib/server/api/list-filters";
import { toApiMetrics } from "@/lib/server/api/metrics-response";
import { parseApiInput } from "@/lib/server/api/parse";
import { AppError } from "@/lib/server/errors";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

const MAX_WEEKS = 104;

/** The dashboard's series for whole weeks (Monday to Sunday in the organisation's time zone). */
export const GET = apiRoute("read", async ({ request }) => {
  const query = parseApiInput(apiMetricsQuery, queryObject(request), "Some query parameters need attention.");
  const { timeZone } = await getOrgSettings();
  const now = new Date();
  let range = lastFullWeeks(12, now, timeZone);
  if (query.from || query.to) {
    if (!isDay(query.from) || !isDay(query.to)) {
      throw new AppError(
        "VALIDATION",
        "Send both `from` and `to` as real days (YYYY-MM-DD), or neither for the last 12 full weeks.",
        { fieldErrors: { [isDay(query.from) ? "to" : "from"]: ["A real day as YYYY-MM-DD."] } },
      );
    }
    if (query.from > query.to)
      throw new AppError("VALIDATION", "`to` must not be before `from`.", {
        fieldErrors: { to: ["Not before `from`."] },
      });
    range = { from: mondayOf(query.from), to: addDays(mondayOf(query.to), 7) };
    if ((Date.parse(range.to) - Date.parse(range.from)) / (7 * 86_400_000) > MAX_WEEKS) {
      throw new AppError("VALIDATION", `Ask for at most ${MAX_WEEKS} weeks at a time.`, {
        fieldErrors: { from: [`At most ${MAX_WEEKS} weeks.`] },
      });
    }
  }
  // Same name resolution (and 422 for unknown names) as the list filters.
  const filters = await changeFiltersOf({ service: query.service, team: query.team, limit: 1 });
  const data = await getDashboard(
    { ...range, timeZone, teamIds: filters.teamIds, serviceIds: filters.serviceIds },
    now,
  );
  return json(toApiMetrics(data, { teams: query.team ?? [], services: query.service ?? [] }));
});
