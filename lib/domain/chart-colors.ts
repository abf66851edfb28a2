// The one chart palette: the web charts (components/charts) and the weekly report PDF
// (lib/reports/weekly-pdf.tsx) both read it, so a metric has the same colour everywhere.
import type { Severity } from "./severity";

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

/** Severity → its chart colour. */
export const SEVERITY_CHART_COLORS: Record<Severity, string> = {
  SEV1: CHART_COLORS.sev1,
  SEV2: CHART_COLORS.sev2,
  SEV3: CHART_COLORS.sev3,
  SEV4: CHART_COLORS.sev4,
};
