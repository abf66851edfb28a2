// npm test: the whole suite, in the order that fails fastest.
//   lint → typecheck → unit + integration (Vitest, real PostgreSQL) → build → end-to-end (Playwright, Chromium)
// Needs PostgreSQL at TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
// and a Chromium (see README). Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// Outside test-results/, which Playwright empties when it starts.
const reports = path.join(root, ".test-summary");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const steps = [
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["typecheck", bin("tsc"), ["--noEmit", "-p", "."]],
  [
    "unit + integration",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`],
  ],
  ["build", bin("next"), ["build"]],
  [
    "end-to-end",
    bin("playwright"),
    ["test"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json"), PLAYWRIGHT_REPORTERS: "json" },
  ],
];

const only = process.argv[2];
let failedStep = null;
for (const [name, command, args, extraEnv] of steps) {
  if (only && !name.startsWith(only)) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const finalArgs = extraEnv?.PLAYWRIGHT_REPORTERS ? [...args, "--reporter=list,json"] : args;
  const result = spawnSync(command, finalArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  console.log(`■ ${name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(reports, file), "utf8"));
  } catch {
    return null;
  }
}
const vitest = readJson("vitest.json");
const playwright = readJson("playwright.json");
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
if (failedStep) console.log(`\nThe "${failedStep}" step failed; later steps did not run.`);
console.log(`\n${passed} passed, ${failed + (failedStep && failed === 0 ? 1 : 0)} failed, ${skipped} skipped`);
process.exit(failedStep || failed > 0 ? 1 : 0);
