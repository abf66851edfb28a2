#!/usr/bin/env node
// `npx faultline …`: runs the TypeScript entry with tsx (a dependency, decision 021) under the
// "react-server" condition, so the app's server modules and services load as in Next.js. It runs in
// the Faultline folder (its migrations, its embedded database); the folder it was started from is
// passed on for commands that read a repository there (`attribution push`).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const here = import.meta.dirname;
const tsx = createRequire(import.meta.url).resolve("tsx");
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, path.join(here, "faultline.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    cwd: path.resolve(here, "../.."),
    env: { ...process.env, FAULTLINE_CALLER_CWD: process.env.FAULTLINE_CALLER_CWD ?? process.cwd() },
  },
);
if (result.error) {
  console.error(`faultline: could not start (${result.error.message}). Run \`npm install\` in the Faultline folder.`);
  process.exit(1);
}
process.exit(result.status ?? 1);
