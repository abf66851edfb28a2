// npm run bench:metrics — one /metrics scrape over 1,000,000 changes and 100,000 incidents:
// the database-derived gauges (one round trip of three counts) and the whole exposition
// (those gauges + every route's latency histogram + process metrics). Median and p95.
import { ensureBenchDatabase, summarise } from "./bench-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
process.env.DATABASE_URL = await ensureBenchDatabase();

const { getConnection } = await import("@/lib/server/db");
const { getOperationalFigures } = await import("@/lib/server/queries/operations/get-operational-figures");
const { applyOperationalFigures } = await import("@/lib/server/observability/collect-scrape");
const { getMetrics } = await import("@/lib/server/observability/metrics");

// Every route of a build has seen traffic with a few statuses: the label set a busy instance carries.
const metrics = getMetrics();
for (let route = 0; route < 60; route++)
  for (const status of ["200", "302", "404", "422", "500"])
    metrics.httpDuration.observe({ method: "GET", route: `/route-${route}/[id]`, status }, Math.random());

await getOperationalFigures(); // warm the pool
const queries: number[] = [];
const scrapes: number[] = [];
let bytes = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const figures = await getOperationalFigures();
  queries.push(performance.now() - started);
  if (!figures.database) throw new Error("The bench database did not answer.");
  applyOperationalFigures(figures);
  bytes = (await metrics.registry.metrics()).length;
  scrapes.push(performance.now() - started);
}
const fmt = (s: { median: number; p95: number; max: number }) =>
  `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
console.log(`database figures (${RUNS} runs): ${fmt(summarise(queries))}`);
console.log(`whole scrape, ${(bytes / 1024).toFixed(0)} KiB of text: ${fmt(summarise(scrapes))}`);
await getConnection().close();
