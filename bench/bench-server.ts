// Whole pages over HTTP for the benchmarks: starts its own `next start` (the build in .next)
// against the benchmark database, signs in as the demo manager and times GET requests —
// unless BENCH_URL names a server that is already running on the same database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { summarise } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");

export type PageServer = { base: string; cookie: string; stop: () => Promise<void> };

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
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(base, child);
  }
  const cookie = await signIn(base);
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

/** Median, p95 and max of GET `pathname` (after 3 warm-up requests), failing on anything but 200. */
export async function timePage(server: PageServer, pathname: string, runs: number) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i += 1) {
    const started = performance.now();
    const response = await fetch(`${server.base}${pathname}`, {
      headers: { cookie: server.cookie },
      redirect: "manual",
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
    if (i >= 3) samples.push(performance.now() - started);
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

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "manager@faultline.dev", password: "faultline-demo", json: "true" }),
    redirect: "manual",
  });
  const cookies = [...jar, ...(response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.startsWith("next-auth.session-token="))) throw new Error("Benchmark sign-in failed");
  return cookies.join("; ");
}
