// Colours and series shared by the dashboard and the weekly report, so the same metric
// looks the same everywhere. `href` builders are optional: the report has no click-through.
import { SEVERITIES, SEVERITY_INFO } from "@/lib/domain/severity";
import type { Series } from "./trend-chart";

export const CHART_COLORS = {
  sev1: "#dc2626",
  // Sev2 a deep orange, Sev3 a clear yellow: told apart at a glance in light and dark (issue 16).
  sev2: "#ea580c",
  sev3: "#eab308",
  sev4: "#94a3b8",
  ai: "#7c3aed",
  other: "#64748b",
  ok: "#10b981",
  bad: "#dc2626",
  blue: "#0ea5e9",
  indigo: "#4f46e5",
} as const;

const SEVERITY_COLORS = [CHART_COLORS.sev1, CHART_COLORS.sev2, CHART_COLORS.sev3, CHART_COLORS.sev4];

/** Incidents per week, stacked by severity (keys sev1 … sev4). */
export function severitySeries(href?: (severity: string) => string): Series[] {
  return SEVERITIES.map((severity, i) => ({
    key: severity.toLowerCase(),
    label: SEVERITY_INFO[severity].label,
    color: SEVERITY_COLORS[i],
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
