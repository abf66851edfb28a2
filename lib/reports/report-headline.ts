// The weekly report's headline table, from the dashboard's own series (same numbers).
import type { Headline } from "@/lib/domain/headline";
import { headlineOfCounts } from "@/lib/domain/headline";
import type { DashboardData } from "@/lib/server/queries/metrics/get-dashboard";

export type HeadlineLine = { label: string; unit: "count" | "percent" | "hours" | "rate"; headline: Headline };

export function reportHeadlines(data: DashboardData): HeadlineLine[] {
  const h = data.headline;
  const weeks = data.incidents;
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
    {
      label: "Approvals in time (shipped needing approval)",
      unit: "count",
      headline: headlineOfCounts(data.compliance.weeks.map((w) => w.compliant)),
    },
    { label: "Policy violations shipped", unit: "count", headline: h.violations },
  ];
}

export function formatHeadlineValue(value: number | null, unit: HeadlineLine["unit"]): string {
  if (value === null) return "—";
  if (unit === "percent") return `${(value * 100).toFixed(1)}%`;
  if (unit === "hours") return `${value.toFixed(1)} h`;
  if (unit === "rate") return value.toFixed(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
