// Opens the database named by a DbTarget: a Prisma client (the only way the app reads and
// writes) plus a migration session. One code path for PostgreSQL and embedded PGlite.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import lockfile from "proper-lockfile";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { MigrationSession } from "./migrate";
import { withSerializedTransactions } from "./serialized-transactions";
import type { DbTarget } from "./target";

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
  /** Runs `work` in one dedicated session (advisory locks, multi-statement scripts). */
  withSession<T>(work: (session: MigrationSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function openConnection(target: DbTarget, options: { poolSize?: number } = {}): DbConnection {
  return target.kind === "postgres" ? openPostgres(target, options.poolSize ?? 10) : openEmbedded(target);
}

function openPostgres(target: Extract<DbTarget, { kind: "postgres" }>, poolSize: number): DbConnection {
  // Dashboard percentiles sort ~100k values; 16 MB keeps that sort in memory.
  const prisma = newPrismaClient(
    withSerializedTransactions(
      new PrismaPg({
        connectionString: target.url,
        max: poolSize,
        options: "-c work_mem=16MB -c max_parallel_workers_per_gather=0",
      }),
    ),
  );
  return {
    target,
    prisma,
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
    close: () => prisma.$disconnect(),
  };
}

function openEmbedded(target: Extract<DbTarget, { kind: "embedded" }>): DbConnection {
  mkdirSync(target.dataDir, { recursive: true });
  // Two processes on one PGlite folder corrupt it: hold a lock for as long as it is open.
  let release: () => void;
  try {
    release = lockfile.lockSync(target.dataDir, {
      realpath: false,
      stale: 15_000,
      lockfilePath: `${target.dataDir}.lock`,
      onCompromised: (error) => console.warn(`[faultline] lock on ${target.dataDir} was compromised: ${error.message}`),
    });
  } catch {
    throw new Error(
      `The embedded database in ${target.dataDir} is in use by another Faultline process. ` +
        `Stop that process first, or set FAULTLINE_DATA_DIR to another folder.`,
    );
  }
  const pglite = new PGlite({ dataDir: target.dataDir });
  const prisma = newPrismaClient(new PrismaPGlite(pglite));
  return {
    target,
    prisma,
    withSession: (work) =>
      work({
        query: async (sql, params) => (await pglite.query(sql, params)).rows as never[],
        exec: async (script) => {
          await pglite.exec(script);
        },
      }),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
