// A throwaway PostgreSQL server of our own (Debian's initdb/pg_ctl in a temp folder, on a
// private port) for tests that stop and start the database under the app.
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = (() => {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("Install Debian's postgresql package: no /usr/lib/postgresql/<version>/bin.");
  return path.join("/usr/lib/postgresql", versions[0], "bin");
})();

export type PrivatePostgres = { url: string; stop(): void; start(): void; dispose(): void };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const idOf = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
const postgresUid = () => idOf("-u");
const postgresGid = () => idOf("-g");

/** initdb refuses to run as root: as root, run the server as the `postgres` system user. */
function run(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", path.join(BIN, tool), ...args]]
    : [path.join(BIN, tool), args];
  execFileSync(command, argv, { stdio: "pipe" });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-pg-"));
  if (process.getuid?.() === 0) chownSync(dir, postgresUid(), postgresGid());
  const data = path.join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-w", "-l", path.join(dir, "log"), "start"]);
  // Fast shutdown: open sessions get 57P01 (admin shutdown), as on a real restart.
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    dispose() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
