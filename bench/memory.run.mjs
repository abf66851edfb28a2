// npm run bench:memory: the server's resident memory (issue #19), in both database modes.
// Needs a build (`npx next build`). For each mode it starts `next start` on a fresh database
// (embedded: a new FAULTLINE_DATA_DIR under /tmp, filled by the first-run demo seed; PostgreSQL:
// a new database on BENCH_PG, seeded the same way with FAULTLINE_DEMO_DATA=1), samples the RSS of
// the server and all its child processes (/proc/<pid>/status VmRSS), signs in through next-auth's
// credentials endpoint as the demo users, requests MEMORY_VIEWS pages (dashboard, incidents,
// changes, reports, a weekly report) and prints the RSS after the seed, the peak and the final one.
// MEMORY_MODES=embedded,postgres picks the modes; MEMORY_PORT (default 3900) the port.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withServerMemorySettings } from "../scripts/server-memory-settings.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.MEMORY_PORT ?? 3900);
const views = Number(process.env.MEMORY_VIEWS ?? 300);
const modes = (process.env.MEMORY_MODES ?? "embedded,postgres").split(",");
const pgAdmin = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432";
const base = `http://127.0.0.1:${port}`;
const users = ["admin@faultline.dev", "manager@faultline.dev", "senior@faultline.dev", "junior@faultline.dev"];
const METRICS_TOKEN = "bench-memory-metrics-token-not-for-production";

const kb = (status, key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
/** RSS in MB of pid and every descendant. */
function treeRss(pid) {
  let total = 0;
  for (const p of [pid, ...children(pid).flatMap((c) => [c, ...descendants(c)])]) {
    try {
      total += kb(readFileSync(`/proc/${p}/status`, "utf8"), "VmRSS");
    } catch {}
  }
  return Math.round(total / 1024);
}
const descendants = (pid) => children(pid).flatMap((c) => [c, ...descendants(c)]);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUp(server) {
  for (let i = 0; i < 1200; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) return;
    } catch {}
    await sleep(500);
  }
  throw new Error("server did not answer /login within 10 minutes");
}

async function signIn(email) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "faultline-demo", json: "true" }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return cookies.join("; ");
}

async function run(mode) {
  // Measure what `npm start` ships: its memory settings, unless the environment sets its own.
  const env = withServerMemorySettings({
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: base,
    FAULTLINE_LOG_LEVEL: "warn",
  });
  env.NEXTAUTH_SECRET ??= "bench-memory-secret-not-for-production-0123456789";
  // /metrics tells where the memory is: the JavaScript heap, and memory outside it (PGlite's
  // WebAssembly memory counts as external).
  env.FAULTLINE_METRICS_TOKEN = METRICS_TOKEN;
  let dataDir;
  let dbName;
  if (mode === "embedded") {
    delete env.DATABASE_URL;
    dataDir = mkdtempSync(path.join(tmpdir(), "faultline-memory-"));
    env.FAULTLINE_DATA_DIR = path.join(dataDir, "pglite");
  } else {
    dbName = `faultline_memory_${Date.now()}`;
    spawnSync("psql", [pgAdmin + "/postgres", "-qc", `CREATE DATABASE ${dbName}`], { stdio: "inherit" });
    env.DATABASE_URL = `${pgAdmin}/${dbName}`;
    env.FAULTLINE_DEMO_DATA = "1";
  }
  const started = Date.now();
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.pid))), 250);
  try {
    await waitUp(server);
    // The first request that touches the database runs the first-run seed; wait for sign-in to work.
    let cookie;
    for (let i = 0; !cookie; i++) {
      try {
        cookie = await signIn(users[0]);
      } catch (error) {
        if (i > 600) throw error;
        await sleep(1000);
      }
    }
    const afterSeed = treeRss(server.pid);
    const seedPeak = peak;
    const seconds = Math.round((Date.now() - started) / 1000);
    const cookies = [cookie, ...(await Promise.all(users.slice(1).map(signIn)))];
    const pages = ["/dashboard", "/incidents", "/changes", "/reports", "/incidents?page=2", "/changes?page=2"];
    const reports = await fetch(`${base}/reports`, { headers: { cookie } }).then((r) => r.text());
    const weekly = /href="(\/reports\/weekly\/[^"?#]+)"/.exec(reports)?.[1];
    if (weekly) pages.push(weekly);
    let failed = 0;
    for (let i = 0; i < views; i += 2) {
      // two users at a time, as a small team would
      const batch = [0, 1].map((j) =>
        fetch(base + pages[(i + j) % pages.length], { headers: { cookie: cookies[(i + j) % cookies.length] } }).then(
          async (r) => {
            await r.arrayBuffer();
            if (!r.ok) failed++;
          },
        ),
      );
      await Promise.all(batch);
    }
    await sleep(2000);
    const final = treeRss(server.pid);
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
      (r) => r.text(),
    );
    const mb = (name) => {
      const value = new RegExp(`^${name} (\\S+)`, "m").exec(metrics)?.[1];
      return value === undefined ? null : Math.round(Number(value) / 1048576);
    };
    return {
      mode,
      ready_s: seconds,
      afterSeed,
      seedPeak,
      peak,
      final,
      heapUsed: mb("nodejs_heap_size_used_bytes"),
      heapTotal: mb("nodejs_heap_size_total_bytes"),
      external: mb("nodejs_external_memory_bytes"),
      views,
      failed,
      weekly: weekly ?? "none",
    };
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dbName) spawnSync("psql", [pgAdmin + "/postgres", "-qc", `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
  }
}

const results = [];
for (const mode of modes) {
  const result = await run(mode);
  console.log(JSON.stringify(result));
  results.push(result);
}
console.table(results);
