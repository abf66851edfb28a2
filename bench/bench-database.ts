// A dedicated benchmark database, filled once by the demo generator and reused.
import pg from "pg";
import { openConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";

export const BENCH_SIZE = { changes: 1_000_000, incidents: 100_000 } as const;

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/faultline_bench";
}

/** Makes sure the benchmark database holds the full-size demo data; returns its URL. */
export async function ensureBenchDatabase(log: (line: string) => void = console.log): Promise<string> {
  const url = new URL(benchDatabaseUrl());
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) {
      const counts = await countRows(url.toString());
      if (counts && counts.changes >= BENCH_SIZE.changes && counts.incidents >= BENCH_SIZE.incidents) {
        log(
          `Reusing ${name}: ${counts.changes.toLocaleString("en")} changes, ${counts.incidents.toLocaleString("en")} incidents.`,
        );
        await migrate(url.toString(), log);
        await vacuumLikeProduction(url.toString(), log);
        return url.toString();
      }
      await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  log(
    `Generating ${BENCH_SIZE.changes.toLocaleString("en")} changes and ${BENCH_SIZE.incidents.toLocaleString("en")} incidents into ${name} (about 2 minutes)…`,
  );
  const connection = openConnection({ kind: "postgres", url: url.toString() });
  try {
    await connection.withSession((session) => applyMigrations(session));
    await generateDemoData(connection.prisma, { ...BENCH_SIZE, log });
    await connection.withSession((session) => session.exec("VACUUM (ANALYZE)"));
  } finally {
    await connection.close();
  }
  return url.toString();
}

async function migrate(url: string, log: (line: string) => void) {
  const connection = openConnection({ kind: "postgres", url });
  try {
    const report = await connection.withSession((session) => applyMigrations(session));
    if (report.applied.length) log(`Applied ${report.applied.join(", ")}.`);
  } finally {
    await connection.close();
  }
}

/**
 * A production database is vacuumed (autovacuum, or a nightly job): tables written since their
 * last vacuum get one, so index-only scans see a current visibility map (issue 19).
 */
async function vacuumLikeProduction(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_stat_user_tables
       WHERE schemaname = current_schema() AND n_ins_since_vacuum + n_dead_tup > 0 ORDER BY 1`,
    );
    if (!rows.length) return;
    log(`Vacuuming ${rows.length} table(s) written since their last vacuum: ${rows.map((r) => r.name).join(", ")}.`);
    await client.query(`VACUUM (ANALYZE) ${rows.map((r) => `"${r.name.replace(/"/g, '""')}"`).join(", ")}`);
  } finally {
    await client.end();
  }
}

async function countRows(url: string): Promise<{ changes: number; incidents: number } | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "Change")::int AS changes, (SELECT count(*) FROM "Incident")::int AS incidents`,
    );
    return rows[0];
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
