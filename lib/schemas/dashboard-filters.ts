import { addDays, isDay, lastFullWeeks, mondayOf, type WeekRange } from "@/lib/domain/weeks";
import { isDayInRange } from "./dates";
import { firstParam, idList, type RawSearchParams } from "./search-params";

export type DashboardFilters = {
  /** Whole weeks: `from` is a Monday, `to` the Monday after the last week (exclusive). */
  range: WeekRange;
  teamIds: number[];
  serviceIds: number[];
  /** True when the range is the default (last 12 full weeks). */
  isDefaultRange: boolean;
};

const MAX_WEEKS = 104;

const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * `from` and `to` are days (to inclusive) and snap outwards to whole weeks; anything
 * invalid falls back to the last 12 full weeks in the organisation's time zone.
 */
export function parseDashboardFilters(params: RawSearchParams, now: Date, timeZone: string): DashboardFilters {
  const fallback = lastFullWeeks(12, now, timeZone);
  const fromDay = firstParam(params.from);
  const toDay = firstParam(params.to);
  let range = fallback;
  const inRule = (day: string | undefined): day is string => isDay(day) && isDayInRange(day, "instant", now);
  if (inRule(fromDay) && inRule(toDay) && fromDay <= toDay) {
    // The current, unfinished week is never counted as a whole one (its figures would sit in
    // the headline beside full weeks): a range ends at the last full week at the latest, and
    // the dashboard shows the current week after it as "so far" (decision 034).
    const to = minDay(addDays(mondayOf(toDay), 7), fallback.to);
    const from = minDay(mondayOf(fromDay), addDays(to, -7));
    range = (Date.parse(to) - Date.parse(from)) / (7 * 86_400_000) <= MAX_WEEKS ? { from, to } : fallback;
  }
  return {
    range,
    teamIds: idList(params.team),
    serviceIds: idList(params.service),
    isDefaultRange: range.from === fallback.from && range.to === fallback.to,
  };
}

/** The URL parameters of the filters, with the inclusive last day. */
export function dashboardQuery(
  filters: Pick<DashboardFilters, "range" | "teamIds" | "serviceIds">,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ from: filters.range.from, to: addDays(filters.range.to, -1), ...extra });
  if (filters.teamIds.length) params.set("team", filters.teamIds.join(","));
  if (filters.serviceIds.length) params.set("service", filters.serviceIds.join(","));
  return params.toString();
}
