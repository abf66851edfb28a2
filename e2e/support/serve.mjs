// Starts `next start` for the end-to-end tests on a fresh database, so that every run
// begins from the same demo data. Playwright starts web servers before globalSetup,
// hence the reset lives here.
//   node e2e/support/serve.mjs postgres 3100   → fresh database faultline_e2e on TEST_DATABASE_URL's server
//   node e2e/support/serve.mjs embedded 3101   → fresh embedded PGlite folder
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const [mode = "postgres", port = "3100"] = process.argv.slice(2);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
  FAULTLINE_DEMO_DATA: "1",
};

if (mode === "postgres") {
  const admin = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = process.env.E2E_DATABASE_NAME ?? "faultline_e2e";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  env.DATABASE_URL = admin.toString();
  delete env.FAULTLINE_DATA_DIR;
} else {
  const dir = path.join(os.tmpdir(), `faultline-e2e-embedded-${port}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.faultline-lock`, { force: true });
  env.FAULTLINE_DATA_DIR = dir;
  delete env.DATABASE_URL;
}

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
