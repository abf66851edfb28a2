import "server-only";
import { headlineOfCounts, headlineOfRatios } from "@/lib/domain/headline";
import { addDays, weekOf } from "@/lib/domain/weeks";
import { actionItemsByWeek } from "./action-items-by-week";
import { approvalComplianceByWeek } from "./approval-compliance-by-week";
import { changeFailureBreakdown, changeFailureByWeek } from "./change-failure";
import { getAiComparison } from "./get-ai-comparison";
import { incidentsByWeek } from "./incidents-by-week";
import type { MetricScope } from "./metric-scope";
import { sev2PerDay } from "./sev2-per-day";
import { timeToResolveByWeek } from "./time-to-resolve";

type DashboardOptions = {
  /**
   * When the range ends at the last full week, the weekly series also carry the current,
   * unfinished week ("so far"), counted by the same queries over a range one week longer.
   * The headline, the breakdowns and the AI comparison keep to the full weeks.
   */
  currentWeekSoFar?: boolean;
};

/** Everything the dashboard shows, aggregated in PostgreSQL: one query per chart. */
export async function getDashboard(scope: MetricScope, now: Date, options: DashboardOptions = {}) {
  const currentWeek = weekOf(now, scope.timeZone);
  const partialWeek = options.currentWeekSoFar && scope.to === currentWeek ? currentWeek : null;
  const trend = partialWeek ? { ...scope, to: addDays(partialWeek, 7) } : scope;
  // Two lanes of about equal cost (bench:dashboard prints each query's time), each one query
  // after another: on a 2-core machine two at a time beats one at a time, and beats ten at
  // once, which would only queue for the cores and the connections.
  const [ai, trends] = await Promise.all([
    (async () => {
      const aiComparison = await getAiComparison(scope);
      const actionItems = await actionItemsByWeek(trend, now);
      const resolve = await timeToResolveByWeek(trend);
      return { aiComparison, actionItems, resolve };
    })(),
    (async () => {
      const incidents = await incidentsByWeek(trend);
      const sev2 = await sev2PerDay(trend);
      const failure = await changeFailureByWeek(trend);
      const breakdown = await changeFailureBreakdown(scope);
      const compliance = await approvalComplianceByWeek(trend);
      return { incidents, sev2, failure, breakdown, compliance };
    })(),
  ]);
  const { aiComparison, actionItems, resolve } = ai;
  const { incidents, sev2, failure, breakdown, compliance } = trends;
  // The headline reads full weeks only: the series without the week so far.
  const full = <T>(rows: T[], week: (row: T) => string) => rows.filter((r) => week(r) < scope.to);
  const fullIncidents = full(incidents, (w) => w.week);
  const fullFailure = full(failure, (w) => w.week);
  const allResolve = full(resolve, (r) => r.week).filter((r) => r.severity === "ALL");
  const sev2ByWeek = fullIncidents.map((w) => w.sev2);
  const headline = {
    incidents: headlineOfCounts(fullIncidents.map((w) => w.total)),
    majorIncidents: headlineOfCounts(fullIncidents.map((w) => w.sev1 + w.sev2)),
    sev2PerDay: headlineOfCounts(sev2ByWeek.map((n) => n / 7)),
    highBlast: headlineOfCounts(fullIncidents.map((w) => w.highBlast)),
    aiLinkedShare: headlineOfRatios(fullIncidents.map((w) => ({ num: w.aiLinked, den: w.total }))),
    aiFailureRate: headlineOfRatios(fullFailure.map((w) => ({ num: w.aiFailed, den: w.aiShipped }))),
    otherFailureRate: headlineOfRatios(fullFailure.map((w) => ({ num: w.otherFailed, den: w.otherShipped }))),
    medianHoursToResolve: headlineOfCounts(allResolve.map((r) => r.medianHours)),
    violations: headlineOfCounts(full(compliance.weeks, (w) => w.weekStart).map((w) => w.violations)),
  };
  return {
    scope,
    partialWeek,
    incidents,
    sev2,
    failure,
    breakdown,
    resolve,
    compliance,
    actionItems,
    aiComparison,
    headline,
  };
}
export type DashboardData = Awaited<ReturnType<typeof getDashboard>>;
