import "server-only";
import { openConnection, type Db, type DbConnection } from "./db/connection";
import { resolveDbTarget } from "./db/target";

// One connection per process, kept on globalThis so that instrumentation, route handlers
// and dev-mode reloads share it (the embedded database allows only one opener).
const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };

export function getConnection(): DbConnection {
  holder.__faultlineDb ??= openConnection(resolveDbTarget());
  return holder.__faultlineDb;
}

/** The Prisma client. Only services and queries call this. */
export function getDb(): Db {
  return getConnection().prisma;
}

export type { Db };
