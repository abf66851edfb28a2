// Whole pages over HTTP for the benchmarks: starts its own `next start` (the build in .next)
// against the benchmark database, signs in as the demo manager and times GET requests —
// unless BENCH_URL names a server that is already running on the same database (then
// BENCH_NEXTAUTH_SECRET must be that server's secret). The session is made the way a sign-in
// makes it (a UserSession row and its JWT), as the end-to-end tests do: the sign-in form's
// bcrypt and throttling are not what these benchmarks measure.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { summarise } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");

export type PageServer = { base: string; cookie: string; stop: () => Promise<void> };

const SECRET = process.env.BENCH_NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789";

export async function startPageServer(databaseUrl: string, log: (line: string) => void = console.log) {
  let child: ChildProcess | null = null;
  let base = process.env.BENCH_URL?.replace(/\/$/, "");
  if (!base) {
    const port = process.env.BENCH_PORT ?? "3290";
    base = `http://127.0.0.1:${port}`;
    log(`Starting next start on ${base} against the benchmark database…`);
    child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: SECRET,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(base, child);
  }
  const cookie = await sessionCookie(databaseUrl).catch((error: unknown) => {
    child?.kill("SIGTERM");
    throw error;
  });
  return {
    base,
    cookie,
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  } satisfies PageServer;
}

/**
 * A server that has just started is still compiling its render code: on the incident list the
 * first 30 requests after a start had a p95 of 46–51 ms, the next 30 of 36–45 ms. The goals are
 * about a running server, so each page is warmed first (`BENCH_WARMUP`, default 30 requests).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

/** Median, p95 and max of GET `pathname` (after the warm-up requests), failing on anything but 200. */
export async function timePage(server: PageServer, pathname: string, runs: number) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + WARMUP; i += 1) {
    const started = performance.now();
    const response = await fetch(`${server.base}${pathname}`, {
      headers: { cookie: server.cookie },
      redirect: "manual",
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
    if (i >= WARMUP) samples.push(performance.now() - started);
    bytes = body.length;
  }
  return { ...summarise(samples), bytes };
}

async function waitForHealth(base: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with ${child.exitCode}: is the app built (npx next build)?`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`${base}/api/health did not answer within 3 minutes`);
}

async function sessionCookie(databaseUrl: string): Promise<string> {
  const email = "manager@faultline.dev";
  const sid = randomBytes(24).toString("base64url");
  const seconds = 60 * 60;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let user: { id: number; name: string; role: string; level: string };
  try {
    const found = await client.query<typeof user>(
      `SELECT id, name, role, level FROM "User" WHERE email = $1 AND active`,
      [email],
    );
    if (!found.rows[0]) throw new Error(`No active user ${email} in the benchmark database.`);
    user = found.rows[0];
    await client.query(
      `INSERT INTO "UserSession" (id, "userId", method, "userAgent", "expiresAt")
       VALUES ($1, $2, 'password', 'Benchmark', now() + make_interval(secs => $3))`,
      [sid, user.id, seconds],
    );
  } finally {
    await client.end();
  }
  const value = await encode({
    secret: SECRET,
    maxAge: seconds,
    token: { sub: String(user.id), uid: user.id, email, name: user.name, role: user.role, level: user.level, sid },
  } as Parameters<typeof encode>[0]);
  return `next-auth.session-token=${value}`;
}
