// The weekly report's headline table, from the dashboard's own series (same numbers).
import type { MetricUnit } from "@/lib/domain/format";
import type { Headline } from "@/lib/domain/headline";
import { headlineOfCounts } from "@/lib/domain/headline";
import type { DashboardData } from "@/lib/server/queries/metrics/get-dashboard";

export type HeadlineLine = { label: string; unit: MetricUnit; headline: Headline };

export function reportHeadlines(data: DashboardData): HeadlineLine[] {
  const h = data.headline;
  const weeks = data.incidents;
  const resolveAll = data.resolve.filter((r) => r.severity === "ALL");
  return [
    { label: "Incidents", unit: "count", headline: h.incidents },
    { label: "Sev1", unit: "count", headline: headlineOfCounts(weeks.map((w) => w.sev1)) },
    { label: "Sev2", unit: "count", headline: headlineOfCounts(weeks.map((w) => w.sev2)) },
    { label: "Sev3", unit: "count", headline: headlineOfCounts(weeks.map((w) => w.sev3)) },
    { label: "Sev4", unit: "count", headline: headlineOfCounts(weeks.map((w) => w.sev4)) },
    { label: "Sev2s per day", unit: "rate", headline: h.sev2PerDay },
    { label: "High or critical blast radius", unit: "count", headline: h.highBlast },
    { label: "AI-linked share of incidents", unit: "percent", headline: h.aiLinkedShare },
    { label: "Change failure rate, AI-assisted", unit: "percent", headline: h.aiFailureRate },
    { label: "Change failure rate, other", unit: "percent", headline: h.otherFailureRate },
    { label: "Median time to resolve", unit: "hours", headline: h.medianHoursToResolve },
    { label: "p90 time to resolve", unit: "hours", headline: headlineOfCounts(resolveAll.map((r) => r.p90Hours)) },
    {
      label: "Approvals in time (shipped needing approval)",
      unit: "count",
      headline: headlineOfCounts(data.compliance.weeks.map((w) => w.compliant)),
    },
    { label: "Policy violations shipped", unit: "count", headline: h.violations },
  ];
}
