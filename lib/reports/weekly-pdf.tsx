// The weekly report as a PDF, drawn on the server without a browser (@react-pdf/renderer),
// with vector charts. Standard PDF fonts only: nothing is downloaded.
import { Document, G, Line, Page, Path, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { approvalCompliance } from "@/lib/domain/approval-policy";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import { addDays, formatWeekLabel } from "@/lib/domain/weeks";
import type { WeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import { formatHeadlineValue, reportHeadlines } from "./report-headline";

const s = StyleSheet.create({
  page: { padding: 36, paddingBottom: 48, fontSize: 9, fontFamily: "Helvetica", color: "#0f172a" },
  header: {
    position: "absolute",
    top: 14,
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7,
    color: "#64748b",
  },
  footer: {
    position: "absolute",
    bottom: 18,
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7,
    color: "#64748b",
  },
  kicker: { fontSize: 8, color: "#4f46e5", marginTop: 6 },
  title: { fontSize: 17, fontFamily: "Helvetica-Bold", marginTop: 2 },
  subtitle: { fontSize: 8.5, color: "#475569", marginTop: 3, marginBottom: 10 },
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 2.5 },
  th: { fontFamily: "Helvetica-Bold", color: "#475569", fontSize: 7.5 },
  muted: { color: "#64748b" },
  incident: { marginBottom: 7 },
  bold: { fontFamily: "Helvetica-Bold" },
  charts: { flexDirection: "row", justifyContent: "space-between", marginTop: 4 },
  chart: { width: 168 },
  chartTitle: { fontSize: 8, fontFamily: "Helvetica-Bold", marginBottom: 3 },
  legend: { fontSize: 6.5, color: "#475569", marginTop: 2 },
});

const W = 168;
const H = 96;
const PAD = { left: 18, bottom: 12, top: 4 };

function axes(max: number, unit: string) {
  const ticks = [0, max / 2, max];
  return (
    <G>
      {ticks.map((t) => {
        const y = H - PAD.bottom - (t / max) * (H - PAD.bottom - PAD.top);
        return (
          <G key={t}>
            <Line x1={PAD.left} x2={W} y1={y} y2={y} strokeWidth={0.4} stroke="#e2e8f0" />
            <Text x={0} y={y + 2} style={{ fontSize: 5.5 }} fill="#64748b">{`${Math.round(t)}${unit}`}</Text>
          </G>
        );
      })}
    </G>
  );
}

function weekLabels(weeks: string[]) {
  const step = (W - PAD.left) / weeks.length;
  return weeks.map((w, i) =>
    i % 3 === 0 ? (
      <Text key={w} x={PAD.left + i * step} y={H - 2} style={{ fontSize: 5.5 }} fill="#64748b">
        {formatWeekLabel(w)}
      </Text>
    ) : null,
  );
}

/** Stacked or grouped bars per week; values already aggregated. */
function Bars({
  weeks,
  series,
  stacked,
  unit = "",
}: {
  weeks: string[];
  series: Array<{ color: string; values: Array<number | null> }>;
  stacked: boolean;
  unit?: string;
}) {
  const totals = weeks.map((_, i) =>
    stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(...series.map((s) => s.values[i] ?? 0)),
  );
  const max = Math.max(1, ...totals);
  const step = (W - PAD.left) / weeks.length;
  const scale = (v: number) => (v / max) * (H - PAD.bottom - PAD.top);
  return (
    <Svg width={W} height={H}>
      {axes(max, unit)}
      {weeks.map((week, i) => {
        let base = H - PAD.bottom;
        return (
          <G key={week}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const h = scale(v);
              const width = stacked ? step * 0.7 : (step * 0.8) / series.length;
              const x = PAD.left + i * step + (stacked ? step * 0.15 : step * 0.1 + k * width);
              const y = stacked ? base - h : H - PAD.bottom - h;
              if (stacked) base -= h;
              return <Rect key={k} x={x} y={y} width={width} height={h} fill={s.color} />;
            })}
          </G>
        );
      })}
      {weekLabels(weeks)}
    </Svg>
  );
}

function LineChart({ weeks, values, color }: { weeks: string[]; values: Array<number | null>; color: string }) {
  const max = Math.max(10, ...values.map((v) => v ?? 0));
  const step = (W - PAD.left) / weeks.length;
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : `${PAD.left + i * step + step / 2},${H - PAD.bottom - (v / max) * (H - PAD.bottom - PAD.top)}`,
    )
    .filter(Boolean);
  return (
    <Svg width={W} height={H}>
      {axes(max, "%")}
      {points.length > 1 ? <Path d={`M ${points.join(" L ")}`} stroke={color} strokeWidth={1.2} fill="none" /> : null}
      {weekLabels(weeks)}
    </Svg>
  );
}

const pct = (num: number, den: number) => (den > 0 ? (num / den) * 100 : null);
const ascii = (text: string) => text.replace(/→/g, "->");

function WeeklyReportPdf({
  report,
  meta,
}: {
  report: WeeklyReport;
  meta: { isoWeek: string; organisation: string; timeZone: string; generatedAt: Date };
}) {
  const { monday, dashboard } = report;
  const weeks = dashboard.incidents.map((w) => w.week);
  const generated = formatDateTime(meta.generatedAt, meta.timeZone);
  return (
    <Document title={`TWiST ${meta.isoWeek}`} author={meta.organisation} subject="Weekly incident review">
      <Page size="A4" style={s.page}>
        <View style={s.header} fixed>
          <Text>
            {meta.organisation} · Weekly review {meta.isoWeek}
          </Text>
          <Text>
            Generated {generated} ({meta.timeZone})
          </Text>
        </View>
        <Text style={s.kicker}>This Week in Stores Tech · {meta.organisation}</Text>
        <Text style={s.title}>
          Weekly review: week of {formatWeekLabel(monday)} {monday.slice(0, 4)} ({meta.isoWeek})
        </Text>
        <Text style={s.subtitle}>
          Monday {monday} to Sunday {addDays(monday, 6)}, {meta.timeZone}. Same numbers as the dashboard for this week.
        </Text>
        {/* AI comparison (lib/domain/ai-comparison.ts): the sentence; its table is in the Markdown and CSV. */}
        <Text style={s.subtitle}>{dashboard.aiComparison.sentence}</Text>

        <Text style={s.h2}>Headline numbers</Text>
        <View style={s.row}>
          <Text style={[s.th, { width: "46%" }]}>Metric</Text>
          <Text style={[s.th, { width: "18%", textAlign: "right" }]}>This week</Text>
          <Text style={[s.th, { width: "18%", textAlign: "right" }]}>Last week</Text>
          <Text style={[s.th, { width: "18%", textAlign: "right" }]}>4-week average</Text>
        </View>
        {reportHeadlines(dashboard).map(({ label, unit, headline }) => (
          <View key={label} style={s.row} wrap={false}>
            <Text style={{ width: "46%" }}>{label}</Text>
            <Text style={[s.bold, { width: "18%", textAlign: "right" }]}>
              {formatHeadlineValue(headline.current, unit)}
            </Text>
            <Text style={[s.muted, { width: "18%", textAlign: "right" }]}>
              {formatHeadlineValue(headline.previous, unit)}
            </Text>
            <Text style={[s.muted, { width: "18%", textAlign: "right" }]}>
              {formatHeadlineValue(headline.fourWeekAverage, unit)}
            </Text>
          </View>
        ))}

        <Text style={s.h2}>12-week trends</Text>
        <View style={s.charts} wrap={false}>
          <View style={s.chart}>
            <Text style={s.chartTitle}>Incidents by severity</Text>
            <Bars
              weeks={weeks}
              stacked
              series={[
                { color: "#dc2626", values: dashboard.incidents.map((w) => w.sev1) },
                { color: "#f97316", values: dashboard.incidents.map((w) => w.sev2) },
                { color: "#fbbf24", values: dashboard.incidents.map((w) => w.sev3) },
                { color: "#94a3b8", values: dashboard.incidents.map((w) => w.sev4) },
              ]}
            />
            <Text style={s.legend}>Sev1 red · Sev2 orange · Sev3 amber · Sev4 grey</Text>
          </View>
          <View style={s.chart}>
            <Text style={s.chartTitle}>AI-linked share of incidents</Text>
            <LineChart
              weeks={weeks}
              color="#7c3aed"
              values={dashboard.incidents.map((w) => pct(w.aiLinked, w.total))}
            />
            <Text style={s.legend}>Trigger or root cause was AI-assisted</Text>
          </View>
          <View style={s.chart}>
            <Text style={s.chartTitle}>Change failure rate</Text>
            <Bars
              weeks={weeks}
              stacked={false}
              unit="%"
              series={[
                { color: "#7c3aed", values: dashboard.failure.map((w) => pct(w.aiFailed, w.aiShipped)) },
                { color: "#64748b", values: dashboard.failure.map((w) => pct(w.otherFailed, w.otherShipped)) },
              ]}
            />
            <Text style={s.legend}>AI-assisted violet · other grey</Text>
          </View>
        </View>

        <Text style={s.h2}>Sev1 and Sev2 incidents ({report.majorIncidents.length})</Text>
        {report.majorIncidents.length === 0 ? <Text style={s.muted}>No Sev1 or Sev2 incident this week.</Text> : null}
        {report.majorIncidents.map((i) => (
          <View key={i.id} style={s.incident} wrap={false}>
            <Text style={s.bold}>
              {i.severity.replace("SEV", "Sev")} · INC-{i.id} {i.title}
            </Text>
            <Text style={s.muted}>
              {i.services.map((x) => x.service.name).join(", ")} · duration{" "}
              {formatDuration((i.resolvedAt ?? meta.generatedAt).getTime() - i.impactStartedAt.getTime())}
              {i.resolvedAt ? "" : " (open)"} · blast radius {i.blastRadiusLevel.toLowerCase()}
              {i.customerImpactPct === null ? "" : ` · ${Number(i.customerImpactPct)}% affected`}
              {i.failedTransactions === null ? "" : ` · ${i.failedTransactions.toLocaleString("en")} failed orders`}
              {i.regions.length ? ` · ${i.regions.map((r) => r.region.code).join(", ")}` : ""} · commander{" "}
              {i.commander?.name ?? "none"} · review {i.reviewStatus.toLowerCase().replace("_", " ")}
            </Text>
            {i.changes.map(({ role, change }) => (
              <Text key={change.id}>
                {"  "}
                {LINK_ROLE_LABELS[role]}: #{change.id} {ascii(change.title)} (
                {change.aiAssisted
                  ? `AI ${change.aiTool?.name ?? ""}${change.aiInvolvement ? `, ${change.aiInvolvement.toLowerCase().replace("_", "-")}` : ""}`
                  : "not AI"}
                ; {change.authorLevel ? LEVEL_LABELS[change.authorLevel].toLowerCase() : "unknown level"}; approval{" "}
                {approvalCompliance(change).toLowerCase().replace("_", " ")})
              </Text>
            ))}
          </View>
        ))}

        <Text style={s.h2}>Policy violations shipped this week ({report.violations.length})</Text>
        {report.violations.length === 0 ? (
          <Text style={s.muted}>Every AI-assisted change that needed approval shipped with it.</Text>
        ) : null}
        {report.violations.map((c) => (
          <Text key={c.id} wrap={false}>
            #{c.id} {ascii(c.title)} · {c.service.name} · {c.author?.name ?? "unknown author"} (
            {c.authorLevel ? LEVEL_LABELS[c.authorLevel].toLowerCase() : "unknown"}) · {c.aiTool?.name ?? "AI"}
            {c.incidents.length ? ` · caused ${c.incidents.map((l) => `INC-${l.incident.id}`).join(", ")}` : ""}
          </Text>
        ))}

        <Text style={s.h2}>Action items</Text>
        <Text>
          Due this week: {report.actionItems.dueThisWeek.length} · overdue: {report.actionItems.overdue.length} ·
          completed this week: {report.actionItems.completed.length}
        </Text>
        {report.actionItems.overdue.slice(0, 15).map((a) => (
          <Text key={a.id} style={s.muted}>
            {"  "}Overdue: {ascii(a.title)} ({a.owner.name}, due {a.dueDate.toISOString().slice(0, 10)}, INC-
            {a.incident.id})
          </Text>
        ))}

        <View style={s.footer} fixed>
          <Text>Faultline · {meta.isoWeek}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export function weeklyPdf(
  report: WeeklyReport,
  meta: { isoWeek: string; organisation: string; timeZone: string; generatedAt: Date },
): Promise<Buffer> {
  return renderToBuffer(<WeeklyReportPdf report={report} meta={meta} />);
}
