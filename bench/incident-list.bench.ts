// npm run bench:incidents — server time of the incident list at 100,000 incidents.
// Times the list query layer (what the page awaits) for the filters people use, and the
// whole page over HTTP: against its own `next start` on the benchmark database (build first:
// npx next build), or against BENCH_URL when a server on the same database is running.
import { ensureBenchDatabase, summarise } from "./bench-database";
import { startPageServer, timePage } from "./bench-server";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const url = await ensureBenchDatabase();
process.env.DATABASE_URL = url;

const { parseIncidentFilters } = await import("@/lib/schemas/incident-filters");
const { listIncidents } = await import("@/lib/server/queries/incidents/list-incidents");
const { getConnection } = await import("@/lib/server/db");

const cases: Array<[string, Record<string, string>]> = [
  ["newest, no filter", {}],
  ["Sev1 + Sev2", { severity: "SEV1,SEV2" }],
  ["open incidents", { status: "INVESTIGATING,IDENTIFIED,MONITORING" }],
  ["one service", { service: "3" }],
  ["one team", { team: "2" }],
  ["AI-linked", { ai: "1" }],
  ["high blast radius or worse", { blast: "1" }],
  ["text search 'latency'", { q: "latency" }],
  [
    "last 7 days, Sev2, AI-linked",
    { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10), severity: "SEV2", ai: "1" },
  ],
];

console.log(`\nincident list query, ${RUNS} runs each (ms)`);
console.log("case".padEnd(32), "median".padStart(8), "p95".padStart(8), "max".padStart(8), "rows".padStart(6));
for (const [name, params] of cases) {
  const filters = parseIncidentFilters(params);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 3; i += 1) {
    const started = performance.now();
    const page = await listIncidents({ filters, timeZone: "UTC" });
    if (i >= 3) samples.push(performance.now() - started);
    rows = page.rows.length;
  }
  const s = summarise(samples);
  console.log(
    name.padEnd(32),
    s.median.toFixed(1).padStart(8),
    s.p95.toFixed(1).padStart(8),
    s.max.toFixed(1).padStart(8),
    String(rows).padStart(6),
  );
}

// Deep pagination: follow the cursor 100 pages down (5,000 incidents).
{
  const filters = parseIncidentFilters({});
  let after: Awaited<ReturnType<typeof listIncidents>>["next"] | undefined;
  const samples: number[] = [];
  for (let pageNo = 0; pageNo < 100; pageNo += 1) {
    const started = performance.now();
    const page = await listIncidents({ filters, timeZone: "UTC", after: after ?? undefined });
    samples.push(performance.now() - started);
    after = page.next;
  }
  const s = summarise(samples);
  console.log(
    "keyset pages 1–100".padEnd(32),
    s.median.toFixed(1).padStart(8),
    s.p95.toFixed(1).padStart(8),
    s.max.toFixed(1).padStart(8),
    "50".padStart(6),
  );
}

// The whole page, as a browser asks for it (goal, issue 19: p95 <= 50 ms at 100k incidents),
// next to the health check (the HTTP stack alone).
{
  const server = await startPageServer(url);
  try {
    console.log(
      `\nover HTTP, ${RUNS} runs (ms)`.padEnd(33),
      "median".padStart(8),
      "p95".padStart(8),
      "max".padStart(8),
    );
    for (const pathname of ["/incidents", "/incidents?severity=SEV1,SEV2", "/api/health"]) {
      const s = await timePage(server, pathname, RUNS);
      console.log(
        `GET ${pathname}`.padEnd(32),
        s.median.toFixed(1).padStart(8),
        s.p95.toFixed(1).padStart(8),
        s.max.toFixed(1).padStart(8),
        `${(s.bytes / 1024).toFixed(0)} KB`.padStart(8),
      );
    }
  } finally {
    await server.stop();
  }
}

await getConnection().close();
