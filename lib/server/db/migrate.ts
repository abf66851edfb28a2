// Applies prisma/migrations/*/migration.sql in name order and records them in Prisma's
// own `_prisma_migrations` table, so a machine with the native Prisma CLI reads the same
// history. Works on PostgreSQL (one pg connection) and on embedded PGlite.
// Then it re-applies the repeatable definitions (prisma/definitions.sql: the views, functions
// and triggers that define and keep the figures), every time, in the same lock.
// See docs/decisions/002-migrations-offline.md and 019-trigger-kept-statistics.md.
import { createHash, randomUUID } from "node:crypto";
import { access, readFile, readdir } from "node:fs/promises";
import path from "node:path";

/** One database session: the advisory lock and the migrations must share it. */
export interface MigrationSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a whole script as ONE simple query (one implicit transaction). */
  exec(script: string): Promise<void>;
}

export const DEFAULT_MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
const PRISMA_MIGRATE_LOCK_ID = 72707369;

/** The repeatable definitions sit beside the migrations folder; a folder without them has none. */
const definitionsFileOf = (migrationsDir: string) => path.join(migrationsDir, "..", "definitions.sql");

export type MigrationReport = { applied: string[]; alreadyApplied: number; checksumWarnings: string[] };

type HistoryRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function applyMigrations(
  session: MigrationSession,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): Promise<MigrationReport> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const report: MigrationReport = { applied: [], alreadyApplied: 0, checksumWarnings: [] };

  await session.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const history = await session.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = history.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length > 0) {
      throw new Error(
        `Migration ${failed.map((row) => row.migration_name).join(", ")} failed earlier and is not resolved. ` +
          `Fix the database by hand, then delete or mark that row in "_prisma_migrations" as rolled back.`,
      );
    }
    const applied = new Map(history.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));

    for (const name of names) {
      const raw = await readFile(path.join(migrationsDir, name, "migration.sql"));
      const checksum = createHash("sha256").update(raw).digest("hex");
      const done = applied.get(name);
      if (done) {
        report.alreadyApplied += 1;
        if (done.checksum !== checksum) report.checksumWarnings.push(`${name} was edited after it was applied`);
        continue;
      }
      const id = randomUUID();
      await session.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
        id,
        checksum,
        name,
      ]);
      try {
        await session.exec(raw.toString("utf8"));
      } catch (error) {
        await session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
        throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      await session.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      report.applied.push(name);
    }
    await applyDefinitions(session, definitionsFileOf(migrationsDir));
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  }
  return report;
}

/** Runs the whole definitions file as one query (one transaction); it is all CREATE OR REPLACE. */
async function applyDefinitions(session: MigrationSession, file: string): Promise<void> {
  const present = await access(file).then(
    () => true,
    () => false,
  );
  if (!present) return;
  try {
    await session.exec(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`${path.basename(file)} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
