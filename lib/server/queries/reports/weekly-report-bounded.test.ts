// The weekly report stays bounded whatever the volume (issue 19): lists of REPORT_LIST_LIMIT
// with totals and links to the filtered lists, CSVs that still hold every row, a PDF cache
// keyed by data version, the frozen copy of a published week, and unfinished weeks refused.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeModel, thawModel } from "@/lib/reports/frozen-model";
import { reportDataVersion } from "@/lib/reports/report-data-version";
import { weeklyReportJson } from "@/lib/reports/weekly-json";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { REPORT_LIST_LIMIT } from "@/lib/reports/weekly-report-model";
import { stopPdfWorker } from "@/lib/server/pdf/render-weekly-pdf";
import { getWeeklyReportPdf } from "@/lib/server/services/reports/get-weekly-report-pdf";
import { publishWeeklyReport } from "@/lib/server/services/reports/publish-weekly-report";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getWeeklyReportModel } from "./get-weekly-report-model";
import { CSV_BATCH, weekCsvText } from "./week-csv";

const MONDAY = "2026-11-02"; // 2026-W45
const WEEK = "2026-W45";
const NOW = new Date("2026-11-12T12:00:00Z");
const MAJOR = REPORT_LIST_LIMIT + 7;
const VIOLATIONS = REPORT_LIST_LIMIT + 3;
const SHIPPED = CSV_BATCH + 150; // the changes CSV crosses a batch boundary
const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 0, minute));
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  const service = await createTestService(db);
  await db.incident.createMany({
    data: Array.from({ length: MAJOR }, (_, i) => ({
      title: `Outage ${i}`,
      severity: i % 3 === 0 ? ("SEV1" as const) : ("SEV2" as const),
      status: "RESOLVED" as const,
      impactStartedAt: at(i),
      resolvedAt: at(i + 30),
    })),
  });
  await db.change.createMany({
    data: Array.from({ length: SHIPPED }, (_, i) => ({
      source: "test",
      externalId: `c-${i}`,
      kind: "DEPLOY" as const,
      title: `Change ${i}`,
      serviceId: service.id,
      shippedAt: at(i % 5000),
      aiAssisted: i < VIOLATIONS,
      approvalRequired: i < VIOLATIONS,
      approvalState: i < VIOLATIONS ? ("PENDING" as const) : ("NOT_REQUIRED" as const),
    })),
  });
}, 120_000);
afterAll(async () => {
  await stopPdfWorker();
  await database.dispose();
});

const build = (now = NOW) =>
  getWeeklyReportModel({
    isoWeek: WEEK,
    monday: MONDAY,
    timeZone: "UTC",
    organisation: "Acme",
    baseUrl: "https://faultline.example",
    now,
  });

describe("a week bigger than the report lists", () => {
  it("lists the first 50 Sev1/Sev2 and violations, with their totals and links to the filtered lists", async () => {
    const model = await build();
    expect(model.majorIncidents).toHaveLength(REPORT_LIST_LIMIT);
    expect(model.majorIncidents.slice(0, 2).map((i) => i.severity)).toEqual(["SEV1", "SEV1"]); // Sev1 first
    expect(model.extents.majorIncidents).toEqual({
      total: MAJOR,
      url: "https://faultline.example/incidents?severity=SEV1%2CSEV2&from=2026-11-02&to=2026-11-08",
    });
    expect(model.violations).toHaveLength(REPORT_LIST_LIMIT);
    expect(model.extents.violations).toEqual({
      total: VIOLATIONS,
      url: "https://faultline.example/changes?violation=1&from=2026-11-02&to=2026-11-08",
    });

    const md = weeklyMarkdown(model);
    expect(md).toContain(`## Sev1 and Sev2 incidents (${MAJOR})`);
    expect(md).toContain(
      `Showing the first 50 of ${MAJOR}: [all ${MAJOR} in the incidents list](${model.extents.majorIncidents.url})`,
    );
    expect(md).toContain(
      `Showing the first 50 of ${VIOLATIONS}: [all ${VIOLATIONS} in the changes list](${model.extents.violations.url})`,
    );
    expect((md.match(/\[INC-\d+ /g) ?? []).length).toBe(REPORT_LIST_LIMIT);

    const api = weeklyReportJson(model);
    expect(api).toMatchObject({
      majorIncidentCount: MAJOR,
      majorIncidentsUrl: model.extents.majorIncidents.url,
      violationCount: VIOLATIONS,
      violationsUrl: model.extents.violations.url,
    });
    expect(api.majorIncidents).toHaveLength(REPORT_LIST_LIMIT);
  });

  it("still writes every row of the week into the CSVs, batch after batch", async () => {
    const changes = parse(await weekCsvText("changes", MONDAY, "UTC", NOW), { columns: true }) as Array<{
      change_id: string;
    }>;
    expect(changes).toHaveLength(SHIPPED);
    expect(new Set(changes.map((c) => c.change_id)).size).toBe(SHIPPED); // no row twice at a batch edge
    const incidents = parse(await weekCsvText("incidents", MONDAY, "UTC", NOW), { columns: true });
    expect(incidents).toHaveLength(MAJOR);
  });

  it("keeps the data version when only the generation time moves, and changes it with the data", async () => {
    const first = await build(NOW);
    const later = await build(new Date(NOW.getTime() + 3_600_000));
    expect(reportDataVersion(later)).toBe(reportDataVersion(first));
    const db = database.connection.prisma;
    const incident = await db.incident.findFirstOrThrow({ where: { title: "Outage 0" } });
    await db.incident.update({ where: { id: incident.id }, data: { title: "Outage 0 (renamed)" } });
    try {
      expect(reportDataVersion(await build())).not.toBe(reportDataVersion(first));
    } finally {
      await db.incident.update({ where: { id: incident.id }, data: { title: "Outage 0" } });
    }
  });

  it("renders the PDF once per data version, shares it through the database, and renders again after an edit", async () => {
    const db = database.connection.prisma;
    const first = await getWeeklyReportPdf(await build());
    expect(first.cached).toBe(false);
    expect(Buffer.from(first.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const again = await getWeeklyReportPdf(await build(new Date(NOW.getTime() + 60_000)));
    expect(again).toMatchObject({ cached: true, dataVersion: first.dataVersion });

    const incident = await db.incident.findFirstOrThrow({ where: { title: "Outage 1" } });
    await db.incident.update({ where: { id: incident.id }, data: { title: "Outage 1 (renamed)" } });
    const edited = await getWeeklyReportPdf(await build());
    expect(edited.cached).toBe(false);
    expect(edited.dataVersion).not.toBe(first.dataVersion);
    // One PDF per week is kept: the stale version is gone.
    const rows = await db.weeklyReportPdf.findMany({
      where: { week: WEEK },
      select: { dataVersion: true, status: true },
    });
    expect(rows).toEqual([{ dataVersion: edited.dataVersion, status: "READY" }]);
  }, 120_000);

  it("stops a render that passes its time or memory limit with a clear error, not a hang", async () => {
    const model = await build();
    model.meta.organisation = "Limits test"; // another data version than the cached one
    const started = Date.now();
    await expect(getWeeklyReportPdf(model, { timeMs: 150, memoryMb: 256 })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/took longer than 0 s and was stopped\. Download the Markdown instead/),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The failure is remembered for a minute: the next request answers at once, without rendering.
    await expect(getWeeklyReportPdf(model, { timeMs: 150, memoryMb: 256 })).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });

    model.meta.organisation = "Memory test";
    await expect(getWeeklyReportPdf(model, { timeMs: 60_000, memoryMb: 8 })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/needed more than 8 MB and was stopped|could not be made/),
    });
    await stopPdfWorker();
  }, 120_000);

  it("keeps the main thread free while a PDF renders", async () => {
    const model = await build();
    model.meta.organisation = "Event loop test";
    let ticks = 0;
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      ticks += 1;
    }, 20);
    await getWeeklyReportPdf(model);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
    // Rendering in process blocked the loop for the whole render (seconds); the worker leaves
    // only short stalls (loading results, the database). Generous: the test machine is shared.
    expect(worst).toBeLessThan(1_500);
  }, 120_000);
});

describe("publishing", () => {
  it("refuses a week that has not ended, saying from when it can be published", async () => {
    const manager = await createTestUser(database.connection.prisma, { role: "MANAGER", level: "SENIOR" });
    const context = { timeZone: "UTC", organisation: "Acme", baseUrl: "https://faultline.example" };
    await expect(
      publishWeeklyReport({ actor: manager, input: { week: WEEK }, ...context, now: new Date("2026-11-08T23:59:00Z") }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message:
        "2026-W45 has not ended yet: it runs until the end of Sunday 8 Nov 2026 (UTC). Publish it from Monday 9 Nov 2026 on.",
    });
    await expect(
      publishWeeklyReport({ actor: manager, input: { week: "2027-W10" }, ...context, now: NOW }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("keeps the published model, which reads back as the report it was", async () => {
    const db = database.connection.prisma;
    const manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
    const context = { timeZone: "UTC", organisation: "Acme", baseUrl: "https://faultline.example" };
    const { id } = await publishWeeklyReport({ actor: manager, input: { week: WEEK }, ...context, now: NOW });
    const row = await db.weeklyReportPublication.findUniqueOrThrow({ where: { id } });
    const frozen = thawModel(row.model)!;
    expect(frozen.meta.generatedAt).toEqual(NOW);
    expect(frozen.majorIncidents[0].impactStartedAt).toBeInstanceOf(Date);
    expect(frozen.extents.majorIncidents.total).toBe(MAJOR);
    expect(frozen).toEqual(thawModel(freezeModel(await build(NOW))));
    expect(thawModel({ nonsense: true })).toBeNull();
  }, 120_000);
});
