// npm start: builds the app when the build is missing or older than the sources, then
// serves it at http://localhost:3000 (PORT to change). Without DATABASE_URL it runs on the
// embedded database in .data/, created and filled with demo data on the first start.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

// V8 lets the old generation grow far past what the app keeps alive before it collects; a cap
// makes it collect sooner (decision 031: ~200 MB less RSS after a few hundred page views).
// FAULTLINE_MAX_HEAP_MB changes it; an explicit --max-old-space-size in NODE_OPTIONS wins.
if (!/--max-old-space-size/.test(env.NODE_OPTIONS ?? "")) {
  const heapMb = Number(env.FAULTLINE_MAX_HEAP_MB ?? 256);
  if (!Number.isInteger(heapMb) || heapMb < 128) {
    console.error(
      `FAULTLINE_MAX_HEAP_MB must be a whole number of megabytes, at least 128 (got "${env.FAULTLINE_MAX_HEAP_MB}").`,
    );
    process.exit(1);
  }
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim();
}
// The young generation: 8 MB semi-spaces instead of 16 keep ~25 MB less resident at no measured
// cost (4 MB saved more but cut batch ingestion by a third; decision 031). An explicit one in
// NODE_OPTIONS wins.
if (!/--max-semi-space-size/.test(env.NODE_OPTIONS)) {
  env.NODE_OPTIONS = `${env.NODE_OPTIONS} --max-semi-space-size=8`;
}

// glibc gives each thread that allocates its own malloc arena, and Node has several (libuv's
// pool, V8's helpers, the PDF worker): the arenas fragment and keep memory. Two arenas kept the
// server's resident memory a little lower and steadier (decision 031). One already set wins.
env.MALLOC_ARENA_MAX ??= "2";

// Session signing secret: from the environment, else one generated once for this machine.
if (!env.NEXTAUTH_SECRET) {
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) if (child !== "generated") visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.ts",
    "package.json",
    "prisma/schema.prisma",
  ]) {
    visit(path.join(root, entry));
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime()) {
  console.log("Building Faultline (first start or sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
