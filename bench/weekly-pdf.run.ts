// npm run bench:report — time to build the weekly report PDF (and Markdown/CSVs) for the
// busiest week of demo data at 10x the default size (30,000 changes, 1,600 incidents).
// Run through Vitest (bench/vitest.config.ts) only for its module aliases; it measures,
// it asserts nothing about time.
import pg from "pg";
import { it } from "vitest";
import { summarise } from "./bench-database";

it("weekly report PDF at 10x demo data", async () => {
  const url = new URL(
    process.env.BENCH_REPORT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/faultline_bench_report",
  );
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = url.toString();

  const { getConnection } = await import("@/lib/server/db");
  const { applyMigrations } = await import("@/lib/server/db/migrate");
  const { generateDemoData } = await import("@/lib/server/demo/generate-demo-data");
  const { getWeeklyReportModel } = await import("@/lib/server/queries/reports/get-weekly-report-model");
  const { buildWeeklyReportFiles } = await import("@/lib/server/queries/reports/build-weekly-report-files");
  const { weeklyPdf } = await import("@/lib/reports/weekly-pdf");
  const { mondayToIsoWeek } = await import("@/lib/domain/weeks");

  const connection = getConnection();
  await connection.withSession((session) => applyMigrations(session));
  if ((await connection.prisma.user.count()) === 0) {
    console.log("Generating 10x demo data (30,000 changes, 1,600 incidents)…");
    await generateDemoData(connection.prisma, { changes: 30_000, incidents: 1_600 });
  }
  const [busiest] = await connection.prisma.$queryRaw<Array<{ monday: string; major: number }>>`
  SELECT to_char(date_trunc('week', "impactStartedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS monday, count(*)::int AS major
  FROM "Incident" WHERE severity IN ('SEV1', 'SEV2') GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const week = mondayToIsoWeek(busiest.monday);
  const pdfTimes: number[] = [];
  const fileTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i += 1) {
    const now = new Date();
    let started = performance.now();
    const model = await getWeeklyReportModel({
      isoWeek: week,
      monday: busiest.monday,
      timeZone: "UTC",
      organisation: "Faultline",
      baseUrl: "http://localhost:3000",
      now,
    });
    const pdf = await weeklyPdf(model);
    if (i > 0) pdfTimes.push(performance.now() - started);
    bytes = pdf.length;
    started = performance.now();
    await buildWeeklyReportFiles({
      week,
      monday: busiest.monday,
      timeZone: "UTC",
      organisation: "Faultline",
      baseUrl: "",
      now,
    });
    if (i > 0) fileTimes.push(performance.now() - started);
  }
  const p = summarise(pdfTimes);
  const f = summarise(fileTimes);
  console.log(`busiest week ${week}: ${busiest.major} Sev1/Sev2 incidents`);
  console.log(
    `PDF (query + render): median ${p.median.toFixed(0)} ms, max ${p.max.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(`Markdown + CSVs: median ${f.median.toFixed(0)} ms, max ${f.max.toFixed(0)} ms`);
  await connection.close();
});
