// npm run bench:dashboard — the full dashboard at the default range (last 12 full weeks)
// over 1,000,000 changes and 100,000 incidents: median and p95 of the app's query layer,
// and of the very same SQL sent straight through `pg`, and their ratio. Then each chart
// against the best SQL we could write by hand for the same rows (bench/dashboard-floors.ts),
// with the rows checked identical. The database is vacuumed as production's would be.
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { ensureBenchDatabase, summarise } from "./bench-database";
import { startPageServer, timePage } from "./bench-server";
import { FLOORS } from "./dashboard-floors";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const url = await ensureBenchDatabase();
process.env.DATABASE_URL = url;

const { getConnection } = await import("@/lib/server/db");
const { getDashboard } = await import("@/lib/server/queries/metrics/get-dashboard");
const { lastFullWeeks } = await import("@/lib/domain/weeks");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { dayInZone } = await import("@/lib/domain/time-zone");
const metrics = {
  resolve: await import("@/lib/server/queries/metrics/time-to-resolve"),
  incidents: await import("@/lib/server/queries/metrics/incidents-by-week"),
  sev2: await import("@/lib/server/queries/metrics/sev2-per-day"),
  failure: await import("@/lib/server/queries/metrics/change-failure"),
  compliance: await import("@/lib/server/queries/metrics/approval-compliance-by-week"),
  actions: await import("@/lib/server/queries/metrics/action-items-by-week"),
  ai: await import("@/lib/server/queries/metrics/get-ai-comparison"),
};

// The demo data ends "now"; the default range is the 12 full weeks before this week.
const now = new Date();
const scope = { ...lastFullWeeks(12, now, "UTC"), timeZone: "UTC", teamIds: [], serviceIds: [] };

// Capture the SQL the query layer sends, to replay it byte for byte through pg.
const prisma = getConnection().prisma;
const captured: Array<{ text: string; values: unknown[] }> = [];
const original = prisma.$queryRaw.bind(prisma);
let capturing = true;
(prisma as unknown as { $queryRaw: unknown }).$queryRaw = (strings: TemplateStringsArray, ...values: unknown[]) => {
  if (capturing) {
    const sql = Prisma.sql(strings, ...values);
    captured.push({ text: sql.text, values: sql.values });
  }
  return original(strings, ...(values as never[]));
};
await getDashboard(scope, now);
capturing = false;

// The same session settings as the app (lib/server/db/connection.ts).
const pool = new pg.Pool({
  connectionString: url,
  max: 10,
  options: "-c work_mem=16MB -c max_parallel_workers_per_gather=0",
});
// The same concurrency as getDashboard: two lanes, each taking the next query in the order the
// app sent them when its previous one is done.
const raw = async () => {
  let next = 0;
  const lane = async () => {
    while (next < captured.length) {
      const q = captured[next++];
      await pool.query(q.text, q.values as unknown[]);
    }
  };
  await Promise.all([lane(), lane()]);
};

const app: number[] = [];
const direct: number[] = [];
for (let i = 0; i < RUNS + 3; i += 1) {
  let started = performance.now();
  await getDashboard(scope, now);
  if (i >= 3) app.push(performance.now() - started);
  started = performance.now();
  await raw();
  if (i >= 3) direct.push(performance.now() - started);
}
const a = summarise(app);
const d = summarise(direct);
console.log(`\nfull dashboard, ${scope.from} to ${scope.to} (12 weeks), ${captured.length} queries, ${RUNS} runs (ms)`);
console.log("".padEnd(24), "median".padStart(8), "p95".padStart(8), "max".padStart(8));
console.log(
  "app query layer".padEnd(24),
  a.median.toFixed(1).padStart(8),
  a.p95.toFixed(1).padStart(8),
  a.max.toFixed(1).padStart(8),
);
console.log(
  "same SQL through pg".padEnd(24),
  d.median.toFixed(1).padStart(8),
  d.p95.toFixed(1).padStart(8),
  d.max.toFixed(1).padStart(8),
);
console.log(`ratio app / raw (p95): ${(a.p95 / d.p95).toFixed(2)}x   goal (issue 19): p95 <= 100 ms`);

// Per query, to see where the time goes.
console.log("\nper query through pg (median of 5, ms)");
for (const q of captured) {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await pool.query(q.text, q.values as unknown[]);
    samples.push(performance.now() - started);
  }
  const first = /FROM "(\w+)"/.exec(q.text)?.[1] ?? "?";
  console.log(
    `${summarise(samples).median.toFixed(1).padStart(8)}  ${first.padEnd(14)} ${q.text.replace(/\s+/g, " ").slice(0, 90)}…`,
  );
}
// Each chart: the app's query layer (through Prisma, with its post-processing) against the
// hand-tuned floor through pg, run alternately; rows must be identical. Goal: ratio <= 1.1x.
type Rows = Array<Record<string, unknown>>;
const floorParams = [scope.from, scope.to, scope.timeZone, dayInZone(now, scope.timeZone)];
const stripDimension = (rows: Rows, dimension: string) =>
  rows.filter((r) => r.dimension === dimension).map(({ dimension: _d, ...row }) => row);
const charts: Record<string, { app: () => Promise<unknown>; same: (app: never, floor: Rows[]) => boolean }> = {
  "time to resolve": {
    app: () => metrics.resolve.timeToResolveByWeek(scope),
    same: (app, [f]) => isDeepStrictEqual(app, f),
  },
  "incidents by week": {
    app: () => metrics.incidents.incidentsByWeek(scope),
    same: (app, [f]) => isDeepStrictEqual(app, f),
  },
  "Sev2 per day": { app: () => metrics.sev2.sev2PerDay(scope), same: (app, [f]) => isDeepStrictEqual(app, f) },
  "change failure by week": {
    app: () => metrics.failure.changeFailureByWeek(scope),
    same: (app, [f]) => isDeepStrictEqual(app, f),
  },
  "failure breakdown": {
    app: () => metrics.failure.changeFailureBreakdown(scope),
    same: (app: { byTool: Rows; byLevel: Rows }, [f]) =>
      isDeepStrictEqual(app.byTool, stripDimension(f, "tool")) &&
      isDeepStrictEqual(app.byLevel, stripDimension(f, "level")),
  },
  "approval compliance": {
    app: () => metrics.compliance.approvalComplianceByWeek(scope),
    same: (app: { weeks: Rows; notShipped: Rows[number] }, [weeksRows, [notShipped]]) =>
      isDeepStrictEqual(app.weeks, weeksRows) && isDeepStrictEqual(app.notShipped, notShipped),
  },
  "action items": {
    app: () => metrics.actions.actionItemsByWeek(scope, now),
    same: (app: { weeks: Rows; openNow: number; overdueNow: number }, [weeksRows, [totals]]) =>
      isDeepStrictEqual(app.weeks, weeksRows) &&
      isDeepStrictEqual({ openNow: app.openNow, overdueNow: app.overdueNow }, totals),
  },
  "AI vs other": {
    app: () => metrics.ai.getAiComparison(scope),
    // The floor's stratum rows (tier × kind × AI) carry every change once.
    same: (app: { ai: { total: number; failed: number }; other: { total: number; failed: number } }, [f]) => {
      const strata = f.filter((r) => r.tier !== null);
      const sum = (ai: boolean, key: "total" | "failed") =>
        strata.filter((r) => r.ai === ai).reduce((n, r) => n + Number(r[key]), 0);
      return (
        sum(true, "total") === app.ai.total &&
        sum(true, "failed") === app.ai.failed &&
        sum(false, "total") === app.other.total &&
        sum(false, "failed") === app.other.failed
      );
    },
  },
};
const runFloor = async (queries: string[]) => {
  const results: Rows[] = [];
  for (const query of queries) {
    // Send only the parameters a query uses, renumbered ($4 alone becomes $1).
    const used = [...new Set([...query.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
    const text = query.replace(/\$(\d)/g, (_, n: string) => `$${used.indexOf(Number(n)) + 1}`);
    results.push(
      (
        await pool.query(
          text,
          used.map((n) => floorParams[n - 1]),
        )
      ).rows,
    );
  }
  return results;
};
console.log(`\neach chart: app query layer vs hand-tuned floor SQL, ${RUNS} runs (ms)`);
console.log(
  "chart".padEnd(24),
  "app med".padStart(8),
  "app p95".padStart(8),
  "floor med".padStart(10),
  "floor p95".padStart(10),
  "ratio p95".padStart(10),
  "  rows",
);
for (const { chart, queries } of FLOORS) {
  const { app, same } = charts[chart];
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  let identical = true;
  for (let i = 0; i < RUNS + 3; i += 1) {
    let started = performance.now();
    const appResult = await app();
    if (i >= 3) appTimes.push(performance.now() - started);
    started = performance.now();
    const floorResult = await runFloor(queries);
    if (i >= 3) floorTimes.push(performance.now() - started);
    if (i === 0) identical = same(appResult as never, floorResult);
  }
  const ap = summarise(appTimes);
  const fl = summarise(floorTimes);
  console.log(
    chart.padEnd(24),
    ap.median.toFixed(1).padStart(8),
    ap.p95.toFixed(1).padStart(8),
    fl.median.toFixed(1).padStart(10),
    fl.p95.toFixed(1).padStart(10),
    `${(ap.p95 / fl.p95).toFixed(2)}x`.padStart(10),
    identical ? "  identical" : "  DIFFERENT",
  );
}
await pool.end();
await getConnection().close();

// The whole page, as a browser asks for it (goal, issue 19: p95 <= 150 ms). Needs a build.
if (process.env.BENCH_PAGES !== "0") {
  const server = await startPageServer(url);
  try {
    const page = await timePage(server, "/dashboard", RUNS);
    console.log(
      `\nGET /dashboard over HTTP, ${RUNS} runs (ms): median ${page.median.toFixed(1)}, p95 ${page.p95.toFixed(1)}, max ${page.max.toFixed(1)}, ${(page.bytes / 1024).toFixed(0)} KB`,
    );
  } finally {
    await server.stop();
  }
}
