import "server-only";
import { addDays } from "@/lib/domain/weeks";
import { reportHeadlines } from "@/lib/reports/report-headline";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";

/** The live headline numbers of a week (for "changed since published" beside a frozen copy). */
export async function getReportHeadlines(monday: string, timeZone: string, now: Date) {
  const weekEnd = addDays(monday, 7);
  const dashboard = await getDashboard(
    { from: addDays(monday, -77), to: weekEnd, timeZone, teamIds: [], serviceIds: [] },
    now,
  );
  return reportHeadlines(dashboard).map(({ label, unit, headline }) => ({ label, unit, ...headline }));
}
