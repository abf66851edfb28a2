// One process per embedded-database folder (decision 001, 014). Two PGlite processes on one
// folder corrupt it, so the folder's owner is recorded in a lock file next to its REAL path
// (a symlinked folder maps to the same lock). Staleness is decided by whether the owner still
// runs — same host, same boot, pid alive with the same start time — never by age, so a paused
// owner keeps its lock. The holder checks the file before every query and twice a second:
// whoever loses it stops at once.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";

export type LockOwner = {
  pid: number;
  hostname: string;
  bootId: string;
  startTime: string | null;
  token: string;
  since: string;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `process ${owner.pid} on ${owner.hostname} (since ${owner.since})`
      : "another Faultline process";
    super(
      `The embedded database next to ${lockPath} is in use by ${who}. Stop that process first, or set ` +
        `FAULTLINE_DATA_DIR to another folder. If that process is on another machine that is gone, delete ${lockPath}.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = {
  lockPath: string;
  /** False when another process replaced or removed the lock file. */
  isHeld(): boolean;
  release(): void;
};

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
};
const bootId = () => readText("/proc/sys/kernel/random/boot_id") ?? "unknown";
/** Field 22 of /proc/<pid>/stat: the process's start time in clock ticks since boot (Linux). */
function startTimeOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  return stat ? (stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null) : null;
}

function readOwner(file: string): LockOwner | null {
  const text = readText(file);
  try {
    return text ? (JSON.parse(text) as LockOwner) : null;
  } catch {
    return null;
  }
}

/** Does the recorded owner still run? Unknown (another host) counts as running. */
export function isOwnerRunning(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return true;
  if (owner.bootId !== "unknown" && owner.bootId !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(owner.pid);
  return !(owner.startTime && started && owner.startTime !== started);
}

export function lockPathFor(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return `${realpathSync(dataDir)}.faultline-lock`;
}

/** Takes the folder's lock or throws DataDirLockedError at once. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = lockPathFor(dataDir);
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    startTime: startTimeOf(process.pid),
    token: randomBytes(12).toString("hex"),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx", 0o644);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return holding(lockPath, me.token);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    // An unreadable file may be one being written this instant: only a parsed, dead owner is stale.
    if (!owner || isOwnerRunning(owner)) throw new DataDirLockedError(lockPath, owner);
    takeOverStale(lockPath, owner);
  }
  throw new DataDirLockedError(lockPath, readOwner(lockPath));
}

/** Moves a dead owner's file aside; if a racing starter replaced it meanwhile, puts theirs back. */
function takeOverStale(lockPath: string, stale: LockOwner): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it: try again from the top
  }
  if (readOwner(aside)?.token !== stale.token) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third starter got there first; the retry will see its lock
    }
  }
  unlinkSync(aside);
}

function holding(lockPath: string, token: string): DataDirLock {
  let released = false;
  const isHeld = () => !released && readOwner(lockPath)?.token === token;
  const release = () => {
    if (released) return;
    if (isHeld()) unlinkSync(lockPath);
    released = true;
    process.off("exit", release);
  };
  process.on("exit", release);
  return { lockPath, isHeld, release };
}
