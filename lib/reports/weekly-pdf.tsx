// The weekly report as a PDF, rendered from the report model on the server without a
// browser (@react-pdf/renderer), with vector charts. Helvetica for Latin text; Noto
// fallbacks for other scripts only when the report contains them (pdf-fonts.ts).
import { Document, Link, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { formatDateTime, formatDay, formatDuration, formatMetric } from "@/lib/domain/format";
import { formatWeekLabel } from "@/lib/domain/weeks";
import { CHART_COLORS, SEVERITY_CHART_COLORS } from "@/lib/domain/chart-colors";
import { fallbackFontsFor } from "./pdf-fonts";
import { aiWords, enumWords, levelWords, roleLabel, severityLabel as sev } from "./report-labels";
import { Bars, LineChart } from "./weekly-pdf-charts";
import type { ListExtent, WeeklyReportModel } from "./weekly-report-model";

function styles(fallbacks: string[]) {
  const regular = ["Helvetica", ...fallbacks];
  const bold = ["Helvetica-Bold", ...fallbacks];
  const band = {
    position: "absolute",
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
  } as const;
  return StyleSheet.create({
    page: { padding: 36, paddingBottom: 48, fontSize: 9, fontFamily: regular, color: "#0f172a" },
    header: { ...band, top: 14, fontSize: 7, color: "#64748b" },
    footer: { ...band, bottom: 18, fontSize: 7, color: "#64748b" },
    kicker: { fontSize: 8, color: "#4f46e5", marginTop: 6 },
    title: { fontSize: 17, fontFamily: bold, marginTop: 2 },
    subtitle: { fontSize: 8.5, color: "#475569", marginTop: 3, marginBottom: 10 },
    h2: { fontSize: 11, fontFamily: bold, marginTop: 12, marginBottom: 5 },
    row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 2.5 },
    th: { fontFamily: bold, color: "#475569", fontSize: 7.5 },
    muted: { color: "#64748b" },
    incident: { marginBottom: 7 },
    bold: { fontFamily: bold },
    charts: { flexDirection: "row", justifyContent: "space-between", marginTop: 4 },
    chart: { width: 168 },
    chartTitle: { fontSize: 8, fontFamily: bold, marginBottom: 3 },
    legend: { fontSize: 6.5, color: "#475569", marginTop: 2 },
    more: { fontSize: 8, color: "#334155", marginTop: 3 },
    item: { color: "#1e293b", marginTop: 1.5 },
  });
}

const pct = (num: number, den: number) => (den > 0 ? (num / den) * 100 : null);
/** A section heading that never ends a page on its own: at least 40 pt of its section follow it. */
const HEADING_AHEAD = 40;
const cols = { label: { width: "46%" }, figure: { width: "18%", textAlign: "right" } } as const;

function WeeklyReportPdf({ model }: { model: WeeklyReportModel }) {
  const { meta, dashboard } = model;
  const s = styles(fallbackFontsFor(JSON.stringify(model)));
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
          Weekly review: week of {formatWeekLabel(meta.monday)} {meta.monday.slice(0, 4)} ({meta.isoWeek})
        </Text>
        <Text style={s.subtitle}>
          Monday {formatDay(meta.monday)} to Sunday {formatDay(meta.sunday)}, {meta.timeZone}. Same numbers as the
          dashboard for this week.
        </Text>
        {/* AI comparison (lib/domain/ai-comparison.ts): the sentence; its table is in the Markdown and CSV. */}
        <Text style={s.subtitle}>{dashboard.aiComparison.sentence}</Text>

        <Text style={s.h2} minPresenceAhead={HEADING_AHEAD}>
          Headline numbers
        </Text>
        <View style={s.row}>
          <Text style={[s.th, cols.label]}>Metric</Text>
          <Text style={[s.th, cols.figure]}>This week</Text>
          <Text style={[s.th, cols.figure]}>Last week</Text>
          <Text style={[s.th, cols.figure]}>4-week average</Text>
        </View>
        {model.headlines.map((h) => (
          <View key={h.label} style={s.row} wrap={false}>
            <Text style={cols.label}>{h.label}</Text>
            <Text style={[s.bold, cols.figure]}>{formatMetric(h.current, h.unit)}</Text>
            <Text style={[s.muted, cols.figure]}>{formatMetric(h.previous, h.unit)}</Text>
            <Text style={[s.muted, cols.figure]}>{formatMetric(h.fourWeekAverage, h.unit)}</Text>
          </View>
        ))}

        <Text style={s.h2} minPresenceAhead={HEADING_AHEAD}>
          12-week trends
        </Text>
        <View style={s.charts} wrap={false}>
          <View style={s.chart}>
            <Text style={s.chartTitle}>Incidents by severity</Text>
            <Bars
              weeks={weeks}
              stacked
              series={[
                { color: SEVERITY_CHART_COLORS.SEV1, values: dashboard.incidents.map((w) => w.sev1) },
                { color: SEVERITY_CHART_COLORS.SEV2, values: dashboard.incidents.map((w) => w.sev2) },
                { color: SEVERITY_CHART_COLORS.SEV3, values: dashboard.incidents.map((w) => w.sev3) },
                { color: SEVERITY_CHART_COLORS.SEV4, values: dashboard.incidents.map((w) => w.sev4) },
              ]}
            />
            <Text style={s.legend}>Sev1 red · Sev2 orange · Sev3 amber · Sev4 grey · shaded: this week</Text>
          </View>
          <View style={s.chart}>
            <Text style={s.chartTitle}>AI-linked share of incidents</Text>
            <LineChart
              weeks={weeks}
              color={CHART_COLORS.ai}
              values={dashboard.incidents.map((w) => pct(w.aiLinked, w.total))}
            />
            <Text style={s.legend}>Trigger or root cause was AI-assisted · shaded: this week</Text>
          </View>
          <View style={s.chart}>
            <Text style={s.chartTitle}>Change failure rate</Text>
            <Bars
              weeks={weeks}
              stacked={false}
              unit="%"
              series={[
                { color: CHART_COLORS.ai, values: dashboard.failure.map((w) => pct(w.aiFailed, w.aiShipped)) },
                { color: CHART_COLORS.other, values: dashboard.failure.map((w) => pct(w.otherFailed, w.otherShipped)) },
              ]}
            />
            <Text style={s.legend}>AI-assisted violet · other grey · shaded: this week</Text>
          </View>
        </View>

        <Text style={s.h2} minPresenceAhead={HEADING_AHEAD}>
          Sev1 and Sev2 incidents ({model.extents.majorIncidents.total})
        </Text>
        {model.majorIncidents.length === 0 ? <Text style={s.muted}>No Sev1 or Sev2 incident this week.</Text> : null}
        {model.majorIncidents.map((i) => (
          <View key={i.id} style={s.incident} wrap={false}>
            <Text style={s.bold}>
              {sev(i.severity)} · INC-{i.id} {i.title}
            </Text>
            <Text style={s.muted}>
              {i.services.join(", ")} · duration {formatDuration(i.durationSeconds * 1000)}
              {i.resolvedAt ? "" : " (open)"} · blast radius {enumWords(i.blastRadiusLevel)}
              {i.customerImpactPct === null ? "" : ` · ${i.customerImpactPct}% affected`}
              {i.failedTransactions === null ? "" : ` · ${i.failedTransactions.toLocaleString("en")} failed orders`}
              {i.regions.length ? ` · ${i.regions.join(", ")}` : ""} · commander {i.commander ?? "none"} · review{" "}
              {enumWords(i.reviewStatus)}
            </Text>
            {i.changes.map((c) => (
              <Text key={c.id}>
                {"  "}
                {roleLabel(c.role)}: #{c.id} {c.title} ({aiWords(c)}; {levelWords(c.authorLevel)}; approval{" "}
                {enumWords(c.compliance)})
              </Text>
            ))}
            {i.changeCount > i.changes.length ? (
              <Text style={s.muted}>
                {"  "}… and {i.changeCount - i.changes.length} more linked changes (on the incident page)
              </Text>
            ) : null}
          </View>
        ))}
        <More shown={model.majorIncidents.length} extent={model.extents.majorIncidents} what="in the incidents list" />

        <Text style={s.h2} minPresenceAhead={HEADING_AHEAD}>
          Policy violations shipped this week ({model.extents.violations.total})
        </Text>
        {model.violations.length === 0 ? (
          <Text style={s.muted}>Every AI-assisted change that needed approval shipped with it.</Text>
        ) : null}
        {model.violations.map((c) => (
          <Text key={c.id} wrap={false}>
            #{c.id} {c.title} · {c.service} · {c.author ?? "unknown author"} ({levelWords(c.authorLevel, "unknown")}) ·{" "}
            {c.aiTool ?? "AI"}
            {c.incidents.length ? ` · caused ${c.incidents.map((l) => `INC-${l.id}`).join(", ")}` : ""}
          </Text>
        ))}
        <More shown={model.violations.length} extent={model.extents.violations} what="in the changes list" />

        <Text style={s.h2} minPresenceAhead={HEADING_AHEAD}>
          Action items
        </Text>
        <Text>
          Due this week: {model.actionItemTotals.dueThisWeek} · overdue: {model.actionItemTotals.overdue} · completed
          this week: {model.actionItemTotals.completed}
        </Text>
        {model.actionItems.overdue.slice(0, 15).map((a) => (
          <Text key={a.id} style={s.item} wrap={false}>
            {"  "}Overdue: {a.title} ({a.owner ?? "no owner"}, due {formatDay(a.dueDate)}, INC-{a.incident.id})
          </Text>
        ))}
        {model.actionItemTotals.overdue > 15 ? (
          <Text style={s.more}>
            {"  "}… and {model.actionItemTotals.overdue - 15} more overdue (the Markdown lists the first{" "}
            {model.actionItems.overdue.length})
          </Text>
        ) : null}

        <View style={s.footer} fixed>
          <Text>Faultline · {meta.isoWeek}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

function More({ shown, extent, what }: { shown: number; extent: ListExtent; what: string }) {
  if (extent.total <= shown) return null;
  return (
    <Text style={{ fontSize: 8, color: "#334155", marginTop: 3 }}>
      Showing the first {shown} of {extent.total}:{" "}
      <Link src={extent.url} style={{ color: "#4338ca", textDecoration: "underline" }}>
        all {extent.total} {what}
      </Link>
    </Text>
  );
}

export function weeklyPdf(model: WeeklyReportModel): Promise<Buffer> {
  return renderToBuffer(<WeeklyReportPdf model={model} />);
}
