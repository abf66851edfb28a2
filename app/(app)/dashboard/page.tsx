import type { Metadata } from "next";
import { describeNotShipped } from "@/lib/domain/approval-wording";
import { aiShareSeries, failureRateSeries, severitySeries } from "@/components/charts/chart-series";
import { TrendChart } from "@/components/charts/trend-chart";
import { AiComparisonPanel, AiComparisonSentence } from "@/components/reports/ai-comparison-summary";
import { buildCharts } from "@/components/dashboard/dashboard-charts";
import { DashboardFiltersForm } from "@/components/dashboard/dashboard-filters-form";
import { HeadlineRow } from "@/components/dashboard/headline-row";
import { CHART_COLORS } from "@/lib/domain/chart-colors";
import { dayInZone } from "@/lib/domain/time-zone";
import { addDays, formatWeekLabel, lastFullWeeks } from "@/lib/domain/weeks";
import { dashboardQuery, parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import type { RawSearchParams } from "@/lib/schemas/search-params";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";

export const metadata: Metadata = { title: "Dashboard" };

const C = CHART_COLORS;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageUser("/dashboard");
  const params = await searchParams;
  const { timeZone } = await getOrgSettings();
  const now = new Date();
  const filters = parseDashboardFilters(params, now, timeZone);
  const scope = { ...filters.range, timeZone, teamIds: filters.teamIds, serviceIds: filters.serviceIds };
  const [data, teams, allServices] = await Promise.all([
    getDashboard(scope, now, { currentWeekSoFar: true }),
    listTeamOptions({ includeArchived: true }),
    listServiceOptions({ includeArchived: true }),
  ]);
  // A chosen team narrows the service list to its services.
  const teamNames = new Set(
    teams.filter((t) => filters.teamIds.includes(t.id)).map((t) => t.name.replace(/ \(archived\)$/, "")),
  );
  const services = teamNames.size ? allServices.filter((s) => teamNames.has(s.teamName)) : allServices;
  const charts = buildCharts(data, dayInZone(now, timeZone));
  const partialFrom = data.partialWeek;
  const h = data.headline;

  // Click-throughs keep the team and service filters.
  const keep = new URLSearchParams();
  if (filters.teamIds.length) keep.set("team", filters.teamIds.join(","));
  if (filters.serviceIds.length) keep.set("service", filters.serviceIds.join(","));
  const incidents = (extra: string) => `/incidents?${extra}&from={from}&to={to}${keep.size ? `&${keep}` : ""}`;
  const changes = (extra: string) => `/changes?${extra}&from={from}&to={to}${keep.size ? `&${keep}` : ""}`;
  const presets = [4, 12, 26].map((weeks) => {
    const range = lastFullWeeks(weeks, now, timeZone);
    return {
      label: `${weeks} weeks`,
      href: `/dashboard?${dashboardQuery({ range, teamIds: filters.teamIds, serviceIds: filters.serviceIds })}`,
      active: range.from === filters.range.from && range.to === filters.range.to,
    };
  });
  const lastWeek = addDays(filters.range.to, -7);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Weekly trends</h1>
        <p className="mt-1 text-sm text-slate-600">
          Weeks of {formatWeekLabel(filters.range.from)} to {formatWeekLabel(lastWeek)}, Monday to Sunday in {timeZone}.
          {partialFrom && ` The week of ${formatWeekLabel(partialFrom)} is shown so far.`} Click any bar or point to
          open what is behind it.
        </p>
      </div>
      <AiComparisonSentence comparison={data.aiComparison} />
      <DashboardFiltersForm filters={filters} presets={presets} teams={teams} services={services} />
      <HeadlineRow
        weekLabel={formatWeekLabel(lastWeek)}
        cards={[
          { label: "Incidents", headline: h.incidents, unit: "count" },
          { label: "Sev1 + Sev2", headline: h.majorIncidents, unit: "count" },
          { label: "Sev2s per day", headline: h.sev2PerDay, unit: "rate" },
          { label: "High blast radius", headline: h.highBlast, unit: "count" },
          { label: "AI-linked share", headline: h.aiLinkedShare, unit: "percent" },
          { label: "AI change failure", headline: h.aiFailureRate, unit: "percent" },
          { label: "Other change failure", headline: h.otherFailureRate, unit: "percent" },
          { label: "Median time to resolve", headline: h.medianHoursToResolve, unit: "hours" },
        ]}
      />
      <div className="grid gap-5 xl:grid-cols-2">
        <TrendChart
          partialFrom={partialFrom}
          title="Incidents per week by severity"
          description="By the week impact started. Sev1 and Sev2 are what the weekly review walks through."
          data={charts.incidents}
          series={severitySeries((severity) => incidents(`severity=${severity}`))}
          empty="No incidents in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="Sev2s per day"
          description="The on-call load, with its 7-day moving average."
          data={charts.sev2}
          series={[
            { key: "count", label: "Sev2s", color: C.sev2, href: incidents("severity=SEV2") },
            { key: "movingAverage", label: "7-day average", color: C.indigo, kind: "line" },
          ]}
          empty="No Sev2 in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="High or critical blast radius"
          description="Incidents per week whose blast radius reached high or critical."
          data={charts.incidents}
          series={[{ key: "highBlast", label: "High or critical", color: C.bad, href: incidents("blast=1") }]}
          empty="No high-blast-radius incident in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="AI-linked share of incidents"
          description="Incidents whose trigger or root-cause change was AI-assisted, as a share of the week's incidents."
          data={charts.incidents}
          unit="percent"
          series={aiShareSeries(incidents("ai=1"))}
          empty="No incidents in this range."
        />
        <div className="xl:col-span-2">
          <AiComparisonPanel comparison={data.aiComparison} />
        </div>
        <div className="xl:col-span-2">
          <TrendChart
            partialFrom={partialFrom}
            title="Change failure rate: AI-assisted vs other"
            description="Failed ÷ shipped changes of each shipping week (failed = trigger or root cause of an incident, or rolled back)."
            data={charts.failure}
            unit="percent"
            series={failureRateSeries({ ai: changes("ai=yes&failed=yes"), other: changes("ai=no&failed=yes") })}
            empty="No change shipped in this range."
          />
        </div>
        <div className="grid gap-5 sm:grid-cols-2 xl:col-span-2">
          <TrendChart
            title="Failure rate by AI tool"
            description="AI-assisted changes over the range; n = changes shipped."
            data={charts.byTool}
            unit="percent"
            height={220}
            horizontal
            series={[{ key: "rate", label: "Failure rate", color: C.ai }]}
            empty="No AI-assisted change shipped."
          />
          <TrendChart
            title="Failure rate by author level"
            description="n = AI-assisted / other changes shipped."
            data={charts.byLevel}
            unit="percent"
            height={220}
            horizontal
            series={failureRateSeries()}
            empty="No change shipped."
          />
        </div>
        <TrendChart
          partialFrom={partialFrom}
          title="Time to resolve"
          description="Median and p90 hours of each week's resolved incidents (all severities)."
          data={charts.resolveFor("ALL")}
          unit="hours"
          series={[
            { key: "median", label: "Median", color: C.blue, kind: "line", href: incidents("status=RESOLVED") },
            {
              key: "p90",
              label: "p90",
              color: C.indigo,
              kind: "line",
              dashed: true,
              href: incidents("status=RESOLVED"),
            },
          ]}
          empty="No incident was resolved in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="Time to resolve, Sev1 and Sev2"
          description="Median hours of each week's resolved Sev1 and Sev2 incidents."
          data={charts
            .resolveFor("SEV1")
            .map((p, i) => ({ ...p, sev1: p.median, sev2: charts.resolveFor("SEV2")[i]?.median ?? null }))}
          unit="hours"
          series={[
            {
              key: "sev1",
              label: "Sev1 median",
              color: C.sev1,
              kind: "line",
              href: incidents("severity=SEV1&status=RESOLVED"),
            },
            {
              key: "sev2",
              label: "Sev2 median",
              color: C.sev2,
              kind: "line",
              href: incidents("severity=SEV2&status=RESOLVED"),
            },
          ]}
          empty="No Sev1 or Sev2 was resolved in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="Approval compliance"
          description={`AI-assisted changes that needed approval, by shipping week: approved before shipping, or shipped without approval (violations). ${describeNotShipped(data.compliance.notShipped)}`}
          data={charts.compliance}
          series={[
            {
              key: "compliant",
              label: "Approved in time",
              color: C.ok,
              stack: "a",
              href: changes("approval=APPROVED"),
            },
            { key: "violations", label: "Violations", color: C.bad, stack: "a", href: changes("violation=1") },
          ]}
          empty="No change needing approval shipped in this range."
        />
        <TrendChart
          partialFrom={partialFrom}
          title="Action items"
          description={`By due week: done, open, overdue. Now ${data.actionItems.openNow} open, ${data.actionItems.overdueNow} overdue.`}
          data={charts.actionItems}
          series={[
            { key: "done", label: "Done", color: C.ok, stack: "i" },
            { key: "open", label: "Open", color: C.blue, stack: "i" },
            { key: "overdue", label: "Overdue", color: C.bad, stack: "i" },
          ]}
          empty="No action item falls due in this range."
        />
      </div>
    </div>
  );
}
