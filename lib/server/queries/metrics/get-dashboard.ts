import "server-only";
import { headlineOfCounts, headlineOfRatios } from "@/lib/domain/headline";
import { actionItemsByWeek } from "./action-items-by-week";
import { approvalComplianceByWeek } from "./approval-compliance-by-week";
import { changeFailureBreakdown, changeFailureByWeek } from "./change-failure";
import { getAiComparison } from "./get-ai-comparison";
import { incidentsByWeek } from "./incidents-by-week";
import type { MetricScope } from "./metric-scope";
import { sev2PerDay } from "./sev2-per-day";
import { timeToResolveByWeek } from "./time-to-resolve";

/** Everything the dashboard shows, aggregated in PostgreSQL: one query per chart. */
export async function getDashboard(scope: MetricScope, now: Date) {
  // The one heavy query (percentiles) runs beside the others, which are cheap reads of the
  // daily statistics run one after another: on a 2-core machine that beats nine at once.
  const resolving = timeToResolveByWeek(scope);
  const incidents = await incidentsByWeek(scope);
  const sev2 = await sev2PerDay(scope);
  const failure = await changeFailureByWeek(scope);
  const breakdown = await changeFailureBreakdown(scope);
  const compliance = await approvalComplianceByWeek(scope);
  const actionItems = await actionItemsByWeek(scope, now);
  const aiComparison = await getAiComparison(scope);
  const resolve = await resolving;
  const allResolve = resolve.filter((r) => r.severity === "ALL");
  const sev2ByWeek = incidents.map((w) => w.sev2);
  const headline = {
    incidents: headlineOfCounts(incidents.map((w) => w.total)),
    majorIncidents: headlineOfCounts(incidents.map((w) => w.sev1 + w.sev2)),
    sev2PerDay: headlineOfCounts(sev2ByWeek.map((n) => n / 7)),
    highBlast: headlineOfCounts(incidents.map((w) => w.highBlast)),
    aiLinkedShare: headlineOfRatios(incidents.map((w) => ({ num: w.aiLinked, den: w.total }))),
    aiFailureRate: headlineOfRatios(failure.map((w) => ({ num: w.aiFailed, den: w.aiShipped }))),
    otherFailureRate: headlineOfRatios(failure.map((w) => ({ num: w.otherFailed, den: w.otherShipped }))),
    medianHoursToResolve: headlineOfCounts(allResolve.map((r) => r.medianHours)),
    violations: headlineOfCounts(compliance.weeks.map((w) => w.violations)),
  };
  return { scope, incidents, sev2, failure, breakdown, resolve, compliance, actionItems, aiComparison, headline };
}
export type DashboardData = Awaited<ReturnType<typeof getDashboard>>;
