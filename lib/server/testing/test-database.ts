// Fresh, migrated PostgreSQL databases for integration tests (the real server, never a mock).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createEmptyDatabase(
  prefix = "faultline_test",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export type TestDatabase = { connection: DbConnection; url: string; dispose: () => Promise<void> };

/**
 * A migrated database that the app's getDb() answers with for the rest of the test file.
 * Call dispose() in afterAll.
 */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  const connection = openConnection({ kind: "postgres", url: database.url }, { poolSize: 4 });
  await connection.withSession((session) => applyMigrations(session));
  const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };
  holder.__faultlineDb = connection;
  return {
    connection,
    url: database.url,
    async dispose() {
      if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
      await connection.close();
      await database.drop();
    },
  };
}
