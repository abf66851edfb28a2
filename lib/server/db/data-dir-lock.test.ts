import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, lockPathFor, type LockOwner } from "./data-dir-lock";

// The embedded database's folder lock, with real processes: a second opener exits 1 at once,
// a paused owner keeps its lock however old, a symlink leads to the same lock, a kill -9'd
// owner's lock is taken over on restart, and an owner that loses its lock exits.

const root = path.resolve(import.meta.dirname, "../../..");
const temp = mkdtempSync(path.join(os.tmpdir(), "faultline-lock-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(temp, { recursive: true, force: true });
});

const ownerOf = (lockPath: string) => JSON.parse(readFileSync(lockPath, "utf8")) as LockOwner;
const hourAgo = () => new Date(Date.now() - 3_600_000);

describe("the lock file (in process)", () => {
  it("refuses while the owner runs however old the file, takes over a dead pid or another boot, refuses another host", () => {
    const dir = path.join(temp, "unit");
    const lock = acquireDataDirLock(dir);
    const lockPath = lock.lockPath;
    expect(ownerOf(lockPath)).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    utimesSync(lockPath, hourAgo(), hourAgo());
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lockPath)).toBe(false);

    const me = { ...ownerOf((acquireDataDirLock(dir), lockPath)) };
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    for (const stale of [{ pid: dead }, { bootId: "another-boot" }]) {
      writeFileSync(lockPath, JSON.stringify({ ...me, ...stale, token: "stale" }));
      const taken = acquireDataDirLock(dir);
      expect(ownerOf(lockPath).token).not.toBe("stale");
      taken.release();
    }
    writeFileSync(lockPath, JSON.stringify({ ...me, hostname: "elsewhere", pid: dead, token: "remote" }));
    expect(() => acquireDataDirLock(dir)).toThrow(/on elsewhere .*delete/);
    rmSync(lockPath);
  });

  it("names the real path: a symlinked folder maps to the same lock", () => {
    const real = path.join(temp, "real");
    const link = path.join(temp, "link");
    const lock = acquireDataDirLock(real);
    symlinkSync(real, link);
    expect(lockPathFor(link)).toBe(lock.lockPath);
    expect(() => acquireDataDirLock(link)).toThrow(DataDirLockedError);
    lock.release();
  });
});

type Holder = { child: ChildProcess; output: () => string; exit: Promise<number | null>; ready: Promise<void> };

/** A process that opens the embedded database through the app's getConnection() and keeps writing. */
function startHolder(dataDir: string): Holder {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/server/testing/embedded-holder.ts"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", FAULTLINE_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("ready") && resolve());
    void exit.then((code) => reject(new Error(`holder exited ${code} before it was ready: ${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, exit, ready };
}

const REFUSED = /in use by process \d+/;

describe("two embedded instances on one folder (real processes)", () => {
  it("refuses a second start at once, keeps a paused owner's lock, restarts after kill -9, and stops an owner that lost its lock", async () => {
    const dataDir = path.join(temp, "pglite");
    const link = path.join(temp, "pglite-link");
    const a = startHolder(dataDir);
    await a.ready;
    symlinkSync(dataDir, link);

    // A second start, directly and through a symlink: exit 1 with the reason, before opening anything.
    for (const dir of [dataDir, link]) {
      const b = startHolder(dir);
      expect(await b.exit).toBe(1);
      expect(b.output()).toMatch(REFUSED);
      expect(b.output()).not.toMatch(/ready/);
    }

    // A paused owner (SIGSTOP) with an hour-old lock file is still the owner.
    a.child.kill("SIGSTOP");
    const lockPath = lockPathFor(dataDir);
    utimesSync(lockPath, hourAgo(), hourAgo());
    const whilePaused = startHolder(dataDir);
    expect(await whilePaused.exit).toBe(1);
    expect(whilePaused.output()).toMatch(REFUSED);
    a.child.kill("SIGCONT");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(a.child.exitCode).toBeNull();
    expect(a.output()).not.toMatch(/failed|Lost/);

    // kill -9 leaves a lock naming a dead pid: the next start takes it over and works.
    a.child.kill("SIGKILL");
    await a.exit;
    expect(existsSync(lockPath)).toBe(true);
    const c = startHolder(dataDir);
    await c.ready;
    expect(ownerOf(lockPath).pid).toBe(c.child.pid);

    // Someone else's name in the lock (a live process: this test runner): C stops writing and exits 1.
    writeFileSync(lockPath, JSON.stringify({ ...ownerOf(lockPath), pid: process.pid, token: "intruder" }));
    expect(await c.exit).toBe(1);
    expect(c.output()).toMatch(/Lost the lock/);
    rmSync(lockPath);
  }, 300_000);
});
