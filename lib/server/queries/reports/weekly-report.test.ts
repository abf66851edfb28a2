import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, mondayToIsoWeek, weekOf } from "@/lib/domain/weeks";
import { CHANGE_COLUMNS, changesCsv, INCIDENT_COLUMNS, incidentsCsv } from "@/lib/reports/weekly-csv";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";
import { getDashboard } from "@/lib/server/queries/metrics/get-dashboard";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getWeeklyReport } from "./get-weekly-report";
import { getWeeklyReportModel } from "./get-weekly-report-model";

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
    const { incidentRows, changeRows } = await model(lastWeek);
    const incidents = parse(incidentsCsv(incidentRows), { columns: true }) as Record<string, string>[];
    expect(incidents).toHaveLength(dashboard.incidents[0].total);
    expect(Object.keys(incidents[0])).toEqual([...INCIDENT_COLUMNS]);
    expect(incidents.filter((r) => r.ai_linked === "true")).toHaveLength(dashboard.incidents[0].aiLinked);

    const changes = parse(changesCsv(changeRows), { columns: true }) as Record<string, string>[];
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
});
