// npm run bench:dashboard — the full dashboard at the default range (last 12 full weeks)
// over 1,000,000 changes and 100,000 incidents: median and p95 of the app's query layer,
// and of the very same SQL sent straight through `pg`, and their ratio.
import pg from "pg";
import { ensureBenchDatabase, summarise } from "./bench-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const url = await ensureBenchDatabase();
process.env.DATABASE_URL = url;

const { getConnection } = await import("@/lib/server/db");
const { getDashboard } = await import("@/lib/server/queries/metrics/get-dashboard");
const { lastFullWeeks } = await import("@/lib/domain/weeks");
const { Prisma } = await import("@/lib/generated/prisma/client");

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
// Same schedule as getDashboard: the first query (percentiles) beside the rest, in order.
const raw = async () => {
  const [first, ...rest] = captured;
  const running = pool.query(first.text, first.values as unknown[]);
  for (const q of rest) await pool.query(q.text, q.values as unknown[]);
  await running;
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
console.log(`ratio app / raw (p95): ${(a.p95 / d.p95).toFixed(2)}x   goal: p95 < 150 ms and ratio <= 1.5x`);

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
await pool.end();
await getConnection().close();
