// Series shared by the dashboard and the weekly report page, so the same metric looks the
// same everywhere; the colours are lib/domain/chart-colors.ts, which the report PDF also
// reads. `href` builders are optional: the report has no click-through.
import { CHART_COLORS, SEVERITY_CHART_COLORS } from "@/lib/domain/chart-colors";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/domain/severity";
import type { Series } from "./trend-chart";

/** Incidents per week, stacked by severity (keys sev1 … sev4). */
export function severitySeries(href?: (severity: string) => string): Series[] {
  return SEVERITIES.map((severity) => ({
    key: severity.toLowerCase(),
    label: SEVERITY_INFO[severity].label,
    color: SEVERITY_CHART_COLORS[severity],
    stack: "s",
    href: href?.(severity),
  }));
}

export function aiShareSeries(href?: string): Series[] {
  return [{ key: "aiShare", label: "AI-linked", color: CHART_COLORS.ai, kind: "line", href }];
}

/** Change failure rate, AI-assisted and other side by side (keys ai, other). */
export function failureRateSeries(href?: { ai: string; other: string }): Series[] {
  return [
    { key: "ai", label: "AI-assisted", color: CHART_COLORS.ai, href: href?.ai },
    { key: "other", label: "Other", color: CHART_COLORS.other, href: href?.other },
  ];
}
