// Turns the aggregated dashboard data into chart points and click-through links.
// Pure: the numbers come from the SQL queries; only ratios and labels are derived here.
import type { Point } from "@/components/charts/trend-chart";
import { LEVEL_LABELS, type Level } from "@/lib/domain/change";
import { addDays, formatWeekLabel } from "@/lib/domain/weeks";
import type { DashboardData } from "@/lib/server/queries/metrics/get-dashboard";

// Exact percentages (0–100); TrendChart rounds once, at display, through lib/domain/format.ts.
const pct = (num: number, den: number) => (den > 0 ? (num / den) * 100 : null);

/** How the unfinished current week is named wherever a week is labelled. */
export const SO_FAR = "so far";

/**
 * `today` (a day in the organisation's time zone) trims the days still to come from the
 * daily series when the current week is shown "so far".
 */
export function buildCharts(data: DashboardData, today?: string) {
  // A day or week from the unfinished current week on is labelled "so far".
  const labelOf = (day: string) =>
    data.partialWeek && day >= data.partialWeek ? `${formatWeekLabel(day)} (${SO_FAR})` : formatWeekLabel(day);
  const weekPoint = (week: string): Point => ({ x: week, label: labelOf(week), from: week, to: addDays(week, 6) });
  const incidents = data.incidents.map((w) => ({
    ...weekPoint(w.week),
    sev1: w.sev1,
    sev2: w.sev2,
    sev3: w.sev3,
    sev4: w.sev4,
    highBlast: w.highBlast,
    aiShare: pct(w.aiLinked, w.total),
    total: w.total,
  }));
  const sev2Days = data.partialWeek && today ? data.sev2.filter((d) => d.day <= today) : data.sev2;
  const sev2 = sev2Days.map((d) => ({
    x: d.day,
    label: labelOf(d.day),
    from: d.day,
    to: d.day,
    count: d.count,
    movingAverage: d.movingAverage,
  }));
  const failure = data.failure.map((w) => ({
    ...weekPoint(w.week),
    ai: pct(w.aiFailed, w.aiShipped),
    other: pct(w.otherFailed, w.otherShipped),
    aiShipped: w.aiShipped,
    otherShipped: w.otherShipped,
  }));
  const byTool = data.breakdown.byTool.map((r) => ({
    x: r.group,
    label: `${r.group} (n=${r.shipped})`,
    from: data.scope.from,
    to: addDays(data.scope.to, -1),
    rate: pct(r.failed, r.shipped),
    group: r.group,
  }));
  const levels = [...new Set(data.breakdown.byLevel.map((r) => r.group))];
  const byLevel = levels.map((level) => {
    const ai = data.breakdown.byLevel.find((r) => r.group === level && r.aiAssisted);
    const other = data.breakdown.byLevel.find((r) => r.group === level && !r.aiAssisted);
    const name = level in LEVEL_LABELS ? LEVEL_LABELS[level as Level] : "Unknown";
    return {
      x: level,
      label: `${name} (n=${ai?.shipped ?? 0} / ${other?.shipped ?? 0})`,
      from: data.scope.from,
      to: addDays(data.scope.to, -1),
      ai: ai ? pct(ai.failed, ai.shipped) : null,
      other: other ? pct(other.failed, other.shipped) : null,
    };
  });
  const resolveFor = (severity: string) =>
    data.resolve
      .filter((r) => r.severity === severity)
      .map((r) => ({ ...weekPoint(r.week), median: r.medianHours, p90: r.p90Hours, resolved: r.resolved }));
  const compliance = data.compliance.weeks.map((w) => ({
    ...weekPoint(w.weekStart),
    compliant: w.compliant,
    violations: w.violations,
  }));
  const actionItems = data.actionItems.weeks.map((w) => ({
    ...weekPoint(w.week),
    done: w.done,
    open: w.open,
    overdue: w.overdue,
  }));
  return { incidents, sev2, failure, byTool, byLevel, resolveFor, compliance, actionItems };
}
