import "server-only";
import { openConnection, type Db, type DbConnection } from "./db/connection";
import { DataDirLockedError } from "./db/data-dir-lock";
import { resolveDbTarget } from "./db/target";

// One connection per process, kept on globalThis so that instrumentation, route handlers
// and dev-mode reloads share it (the embedded database allows only one opener).
const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };

export function getConnection(): DbConnection {
  holder.__faultlineDb ??= openOrExit();
  return holder.__faultlineDb;
}

/**
 * An embedded folder locked by another live process ends this process at once with the reason
 * (exit code 1): a server that cannot own its database must not stay up answering 500s.
 */
function openOrExit(): DbConnection {
  try {
    return openConnection(resolveDbTarget());
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(`[faultline] ${error.message}`);
    process.exit(1);
  }
}

/** The Prisma client. Only services and queries call this. */
export function getDb(): Db {
  return getConnection().prisma;
}

export type { Db };
