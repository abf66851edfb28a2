import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, mondayToIsoWeek, weekOf } from "@/lib/domain/weeks";
import { CHANGE_COLUMNS, INCIDENT_COLUMNS } from "@/lib/reports/weekly-csv";
import { pdfText } from "@/e2e/support/pdf-text";
import { formatDuration, formatMetric } from "@/lib/domain/format";
import { weeklyReportJson } from "@/lib/reports/weekly-json";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { weeklyPdf } from "@/lib/reports/weekly-pdf";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getWeeklyReport } from "./get-weekly-report";
import { getWeeklyReportModel } from "./get-weekly-report-model";
import { CSV_BATCH, weekCsvText } from "./week-csv";

const NOW = new Date("2026-11-24T12:00:00Z");
const TZ = "UTC";
const model = (monday: string) =>
  getWeeklyReportModel({
    isoWeek: mondayToIsoWeek(monday),
    monday,
    timeZone: TZ,
    organisation: "Acme",
    baseUrl: "https://faultline.example",
    now: NOW,
  });
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await generateDemoData(database.connection.prisma, { changes: 1500, incidents: 120, now: NOW });
});
afterAll(() => database.dispose());

describe("weekly report on demo data", () => {
  const lastWeek = addDays(weekOf(NOW, TZ), -7);

  it("agrees with the dashboard queries for the same week, list by list", async () => {
    const report = await getWeeklyReport({ monday: lastWeek, timeZone: TZ, now: NOW });
    const dashboard = await getDashboard(
      { from: lastWeek, to: addDays(lastWeek, 7), timeZone: TZ, teamIds: [], serviceIds: [] },
      NOW,
    );
    const [week] = dashboard.incidents;
    expect(week.total).toBeGreaterThan(0);
    expect(report.majorIncidents).toHaveLength(week.sev1 + week.sev2);
    expect(report.violations).toHaveLength(dashboard.compliance.weeks[0].violations);
    const headline = report.dashboard.headline;
    expect(headline.incidents.current).toBe(week.total);
    expect(headline.aiLinkedShare.current).toBeCloseTo(week.aiLinked / week.total);
    expect(headline.violations.current).toBe(dashboard.compliance.weeks[0].violations);
  });

  it("exports CSVs with one row per incident and per shipped change, under stable columns", async () => {
    const dashboard = await getDashboard(
      { from: lastWeek, to: addDays(lastWeek, 7), timeZone: TZ, teamIds: [], serviceIds: [] },
      NOW,
    );
    const incidents = parse(await weekCsvText("incidents", lastWeek, TZ, NOW), { columns: true }) as Record<
      string,
      string
    >[];
    expect(incidents).toHaveLength(dashboard.incidents[0].total);
    expect(Object.keys(incidents[0])).toEqual([...INCIDENT_COLUMNS]);
    expect(incidents.filter((r) => r.ai_linked === "true")).toHaveLength(dashboard.incidents[0].aiLinked);

    const changes = parse(await weekCsvText("changes", lastWeek, TZ, NOW), { columns: true }) as Record<
      string,
      string
    >[];
    expect(changes.length).toBeLessThan(CSV_BATCH); // one batch here; week-csv.test.ts crosses batch boundaries
    const week = dashboard.failure[0];
    expect(changes).toHaveLength(week.aiShipped + week.otherShipped);
    expect(Object.keys(changes[0])).toEqual([...CHANGE_COLUMNS]);
    expect(changes.filter((r) => r.ai_assisted === "true" && r.failed === "true")).toHaveLength(week.aiFailed);
    expect(changes.filter((r) => r.approval_outcome === "VIOLATION")).toHaveLength(
      dashboard.compliance.weeks[0].violations,
    );
  });

  it("renders Markdown with the headline table and every Sev1/Sev2", async () => {
    const report = await model(lastWeek);
    const md = weeklyMarkdown(report);
    expect(md).toContain(`week ${mondayToIsoWeek(lastWeek)}`);
    expect(md).toContain("| Metric | This week | Last week | 4-week average |");
    for (const incident of report.majorIncidents) expect(md).toContain(`INC-${incident.id}`);
  });

  it("shows the same numbers in the PDF, the Markdown, the CSV and the API for the same week", async () => {
    const report = await model(lastWeek);
    expect(report.majorIncidents.length).toBeGreaterThan(0);
    const md = weeklyMarkdown(report);
    const pdf = (await pdfText(new Uint8Array(await weeklyPdf(report)))).text.replace(/\s+/g, " ");
    const api = weeklyReportJson(report);
    const csv = parse(await weekCsvText("incidents", lastWeek, TZ, NOW), { columns: true }) as Record<string, string>[];

    for (const h of report.headlines) {
      const shown = [h.current, h.previous, h.fourWeekAverage].map((v) => formatMetric(v, h.unit));
      expect(md).toContain(`| ${h.label} | ${shown.join(" | ")} |`);
      expect(pdf).toContain(`${h.label} ${shown.join(" ")}`);
    }
    expect(api.metrics.headline.incidents.current).toBe(report.headlines[0].current);
    expect(api.metrics.headline.medianHoursToResolve).toMatchObject({
      current: report.headlines.find((h) => h.label === "Median time to resolve")!.current,
    });

    for (const incident of api.majorIncidents) {
      const row = csv.find((r) => Number(r.incident_id) === incident.id)!;
      expect(Number(row.duration_minutes)).toBe(incident.durationMinutes); // CSV and API count minutes alike
      const text = formatDuration(incident.durationMinutes * 60_000);
      const mdRow = md.split("\n").find((l) => l.includes(`[INC-${incident.id} `))!;
      expect(mdRow.split(" | ")[2]).toBe(text + (incident.resolvedAt ? "" : " (open)"));
      expect(pdf).toContain(`INC- ${incident.id}`);
      expect(pdf).toContain(`duration ${text}`);
    }
  });
});
