// Opens the database named by a DbTarget: a Prisma client (the only way the app reads and
// writes) plus a migration session. One code path for PostgreSQL and embedded PGlite.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireDataDirLock } from "./data-dir-lock";
import type { MigrationSession } from "./migrate";
import { withSerializedTransactions } from "./serialized-transactions";
import { statementNamer } from "./statement-names";
import { EMBEDDED_SHARED_BUFFERS_MB, type DbTarget } from "./target";

/** Secrets never leave the database unless a query asks for them by name. */
const clientOptions = {
  omit: { user: { passwordHash: true }, apiToken: { tokenHash: true }, outboundWebhook: { secret: true } },
} as const;

export function newPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, ...clientOptions });
}
export type Db = ReturnType<typeof newPrismaClient>;

export type DbConnection = {
  target: DbTarget;
  prisma: Db;
  /** The PostgreSQL pool's counters (for /metrics); undefined on the embedded database. */
  poolStats?: () => PoolStats;
  /** Runs `work` in one dedicated session (advisory locks, multi-statement scripts). */
  withSession<T>(work: (session: MigrationSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type PoolStats = { max: number; total: number; idle: number; waiting: number };

export function openConnection(target: DbTarget, options: OpenOptions = {}): DbConnection {
  return target.kind === "postgres" ? openPostgres(target, options.poolSize ?? 10) : openEmbedded(target, options);
}

function openPostgres(target: Extract<DbTarget, { kind: "postgres" }>, poolSize: number): DbConnection {
  // Dashboard percentiles sort ~100k values; 16 MB keeps that sort in memory.
  // The pool is ours (not the adapter's) so that /metrics can read its counters.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: poolSize,
    options: "-c work_mem=16MB -c max_parallel_workers_per_gather=0",
  });
  // An idle client whose server went away emits 'error' on the pool; without a listener that ends the process.
  pool.on("error", () => undefined);
  const prisma = newPrismaClient(
    withSerializedTransactions(
      new PrismaPg(pool, {
        // Behind a transaction-mode pooler without prepared-statement support: FAULTLINE_PREPARED_STATEMENTS=0.
        statementNameGenerator: process.env.FAULTLINE_PREPARED_STATEMENTS === "0" ? undefined : statementNamer(),
      }),
    ),
  );
  return {
    target,
    prisma,
    poolStats: () => ({ max: poolSize, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withSession(work) {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        await client.end();
      }
    },
    async close() {
      await prisma.$disconnect();
      // An external pool is not ended by the adapter.
      await pool.end().catch(() => undefined);
    },
  };
}

export type OpenOptions = {
  poolSize?: number;
  /** Embedded only: called when another process took the folder's lock. Default: log and exit(1). */
  onLockLost?: (message: string) => void;
};

function exitOnLockLost(message: string): void {
  console.error(`[faultline] ${message}`);
  process.exit(1);
}

/**
 * Creating a PGlite folder runs initdb inside the WebAssembly instance, whose memory only grows:
 * an instance that created its folder keeps ~740 MB resident, one that opens an existing folder
 * ~280 MB (decision 031). So a new folder is created by a short-lived child process (first start
 * only, a few seconds) and this process opens the finished folder. Falls back to creating it
 * here when the child cannot (the instance then just keeps the larger memory).
 */
function initDataDirInChildProcess(dataDir: string, startParams: string[]): void {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const script = `import { PGlite } from "@electric-sql/pglite";
const db = new PGlite({ dataDir: process.argv[1], startParams: JSON.parse(process.argv[2]) });
await db.waitReady;
await db.close();`;
  spawnSync(process.execPath, ["--input-type=module", "-e", script, dataDir, JSON.stringify(startParams)], {
    cwd: process.cwd(),
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 120_000,
  });
}

function openEmbedded(target: Extract<DbTarget, { kind: "embedded" }>, options: OpenOptions): DbConnection {
  // Two processes on one PGlite folder corrupt it: hold its lock for as long as it is open
  // (throws DataDirLockedError at once when another live process holds it).
  const lock = acquireDataDirLock(target.dataDir);
  let stopped = false;
  const assertLockHeld = () => {
    if (stopped || lock.isHeld()) return;
    stopped = true;
    clearInterval(watchdog);
    const message = `Lost the lock on the embedded database ${target.dataDir} (${lock.lockPath} now names another process). Stopping so that two processes never write the same folder.`;
    (options.onLockLost ?? exitOnLockLost)(message);
    throw new Error(message);
  };
  const watchdog = setInterval(assertLockHeld, 500);
  watchdog.unref();
  const startParams = [
    ...PGlite.defaultStartParams,
    "-c",
    `shared_buffers=${target.sharedBuffersMb ?? EMBEDDED_SHARED_BUFFERS_MB}MB`,
  ];
  initDataDirInChildProcess(target.dataDir, startParams);
  const pglite = new PGlite({ dataDir: target.dataDir, startParams });
  const prisma = newPrismaClient(new PrismaPGlite(guardQueries(pglite, assertLockHeld)));
  return {
    target,
    prisma,
    withSession: (work) =>
      work({
        query: async (sql, params) => {
          assertLockHeld();
          return (await pglite.query(sql, params)).rows as never[];
        },
        exec: async (script) => {
          assertLockHeld();
          await pglite.exec(script);
        },
      }),
    async close() {
      clearInterval(watchdog);
      await prisma.$disconnect();
      await pglite.close();
      lock.release();
    },
  };
}

/** Every statement (and every statement inside a transaction) first checks that we still hold the lock. */
function guardQueries<T extends object>(client: T, check: () => void): T {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "query" || property === "exec" || property === "sql")
        return (...args: unknown[]) => {
          check();
          return value.apply(target, args);
        };
      if (property === "transaction")
        return (work: (tx: object) => unknown) => {
          check();
          return value.call(target, (tx: object) => work(guardQueries(tx, check)));
        };
      return value.bind(target);
    },
  });
}
