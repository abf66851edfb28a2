import "server-only";
import { readdir } from "node:fs/promises";
import { getConnection } from "@/lib/server/db";
import { DEFAULT_MIGRATIONS_DIR } from "@/lib/server/db/migrate";

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: "database" | "migrations"; detail: string; pending?: string[] };

/**
 * Ready = the database answers and every migration this build ships is recorded as applied
 * (and none is left failed) in `_prisma_migrations`. An instance that is not ready should get no traffic.
 */
export async function checkReadiness(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<Readiness> {
  const shipped = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  let rows: { migration_name: string; finished: boolean; rolled_back: boolean }[];
  try {
    rows = await getConnection().prisma.$queryRaw`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
      FROM "_prisma_migrations"`;
  } catch (error) {
    const missingTable = /_prisma_migrations/.test(String(error)) && /does not exist/.test(String(error));
    if (missingTable) return notApplied(shipped);
    return {
      ready: false,
      reason: "database",
      detail: "The database does not answer. Check that PostgreSQL is running and DATABASE_URL points at it.",
    };
  }
  const failed = rows.filter((row) => !row.finished && !row.rolled_back).map((row) => row.migration_name);
  if (failed.length)
    return {
      ready: false,
      reason: "migrations",
      detail: `Migration ${failed.join(", ")} failed. Fix the database, mark the row rolled back, then restart (see docs/deploy.md).`,
      pending: failed,
    };
  const applied = new Set(rows.filter((row) => row.finished).map((row) => row.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  return pending.length ? notApplied(pending) : { ready: true, migrations: shipped.length };
}

function notApplied(pending: string[]): Readiness {
  return {
    ready: false,
    reason: "migrations",
    detail: `${pending.length} migration(s) not applied yet. They are applied when an instance starts (or run \`npx faultline migrate\`).`,
    pending,
  };
}
