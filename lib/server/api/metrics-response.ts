import "server-only";
import type { ApiMetrics } from "@/lib/schemas/api/metrics";
import type { DashboardData } from "@/lib/server/queries/metrics/get-dashboard";

/** The dashboard's data in the API's stable shape (names of the public contract, not of the queries). */
export function toApiMetrics(data: DashboardData, filters: { teams: string[]; services: string[] }): ApiMetrics {
  return {
    range: { from: data.scope.from, to: data.scope.to, timeZone: data.scope.timeZone },
    filters,
    incidents: data.incidents,
    sev2PerDay: data.sev2,
    changeFailure: data.failure,
    failureBreakdown: data.breakdown,
    timeToResolve: data.resolve,
    approvalCompliance: {
      weeks: data.compliance.weeks.map(({ weekStart, ...week }) => ({ week: weekStart, ...week })),
      pendingNow: data.compliance.pendingNow,
    },
    actionItems: data.actionItems,
    aiComparison: data.aiComparison,
    headline: data.headline,
  };
}
