// A Faultline server of a spec's own, on a fresh database: for what the shared e2e server
// (demo data already in) cannot show — an organisation's first start, or demo data next to real data.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

export type OwnServer = {
  baseURL: string;
  databaseUrl: string;
  cli: (...args: string[]) => string;
  stop: () => Promise<void>;
};

export async function freshDatabase(name: string): Promise<string> {
  const admin = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

/** Runs `npx faultline …` as a person would (the bin's launcher), against this database. */
export function runCli(databaseUrl: string, args: string[], input?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete (env as Record<string, unknown>).FAULTLINE_DATA_DIR;
  const result = spawnSync(process.execPath, [path.join(root, "scripts/cli/faultline.mjs"), ...args], {
    cwd: root,
    env,
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`faultline ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

export async function startOwnServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<OwnServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    DATABASE_URL: options.databaseUrl,
    FAULTLINE_WEBHOOK_WORKER: "off",
    ...options.env,
  };
  delete (env as Record<string, unknown>).FAULTLINE_DATA_DIR;
  delete (env as Record<string, unknown>).FAULTLINE_DEMO_DATA;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(options.port), "-H", "127.0.0.1"],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited: ${output}`);
    const ok = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`The server did not start in time: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    databaseUrl: options.databaseUrl,
    cli: (...args) => runCli(options.databaseUrl, args),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
