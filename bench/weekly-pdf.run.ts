// npm run bench:report — the weekly report of the busiest week on the 1M-change benchmark
// database (BENCH_DATABASE_URL, default faultline_bench; see bench-database.ts): the model
// (what the page, Markdown and API render), the PDF in its worker thread (cold, warm, cached),
// the CSVs streamed, peak RSS, and how long the event loop (so /api/health) stalls meanwhile.
// Run through Vitest (bench/vitest.config.ts) only for its module aliases; it measures,
// it asserts nothing about time.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { it } from "vitest";
import { ensureBenchDatabase, summarise } from "./bench-database";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

it("weekly report of the busiest week at 1M changes", async () => {
  process.env.DATABASE_URL = await ensureBenchDatabase();
  const { getConnection } = await import("@/lib/server/db");
  const { getWeeklyReportModel } = await import("@/lib/server/queries/reports/get-weekly-report-model");
  const { weekCsvChunks } = await import("@/lib/server/queries/reports/week-csv");
  const { weeklyMarkdown } = await import("@/lib/reports/weekly-markdown");
  const { getWeeklyReportPdf } = await import("@/lib/server/services/reports/get-weekly-report-pdf");
  const { stopPdfWorker } = await import("@/lib/server/pdf/render-weekly-pdf");
  const { mondayToIsoWeek } = await import("@/lib/domain/weeks");

  const connection = getConnection();
  const db = connection.prisma;
  const [busiest] = await db.$queryRaw<Array<{ monday: string; changes: number }>>`
    SELECT to_char(date_trunc('week', "shippedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS monday, count(*)::int AS changes
    FROM "Change" WHERE "shippedAt" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const week = mondayToIsoWeek(busiest.monday);
  const build = (now = new Date()) =>
    getWeeklyReportModel({
      isoWeek: week,
      monday: busiest.monday,
      timeZone: "UTC",
      organisation: "Faultline",
      baseUrl: "http://localhost:3000",
      now,
    });

  const modelTimes: number[] = [];
  let model = await build();
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    model = await build();
    modelTimes.push(performance.now() - started);
  }
  const m = summarise(modelTimes);
  console.log(
    `busiest week ${week}: ${busiest.changes.toLocaleString("en")} changes shipped, ` +
      `${model.extents.majorIncidents.total} Sev1/Sev2 (${model.majorIncidents.length} listed), ` +
      `${model.extents.violations.total} violations (${model.violations.length} listed)`,
  );
  console.log(
    `model (page/Markdown/API data): median ${m.median.toFixed(0)} ms, max ${m.max.toFixed(0)} ms; ` +
      `JSON ${(JSON.stringify(model).length / 1024).toFixed(0)} KiB; Markdown ${(weeklyMarkdown(model).length / 1024).toFixed(0)} KiB`,
  );

  // The PDF: the event loop's worst stall while it renders stands for how long /api/health waits.
  const pdfRun = async (label: string) => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    const { pdf, cached } = await getWeeklyReportPdf(model);
    const ms = performance.now() - started;
    lag.disable();
    console.log(
      `PDF ${label}: ${ms.toFixed(0)} ms (${cached ? "from the cache" : "rendered"}), ${(pdf.length / 1024).toFixed(0)} KiB; ` +
        `event loop worst stall ${(lag.max / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms; RSS ${mb(process.memoryUsage().rss)}`,
    );
  };
  await db.$executeRaw`DELETE FROM "WeeklyReportPdf" WHERE week = ${week}`;
  await stopPdfWorker();
  await pdfRun("cold worker");
  await db.$executeRaw`DELETE FROM "WeeklyReportPdf" WHERE week = ${week}`;
  await pdfRun("warm worker");
  await pdfRun("again");

  for (const kind of ["incidents", "changes"] as const) {
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of weekCsvChunks(kind, busiest.monday, "UTC", new Date())) bytes += chunk.length;
    console.log(
      `${kind}.csv streamed: ${(performance.now() - started).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB; RSS ${mb(process.memoryUsage().rss)}`,
    );
  }
  console.log(`peak RSS of the process (worker included): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  await stopPdfWorker();
  await connection.close();
});
