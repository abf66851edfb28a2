import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "@/lib/server/testing/test-database";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, type MigrationSession } from "./migrate";
import { diffMigrationsToSchema } from "./schema-engine";

const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

describe("schema.prisma and prisma/migrations", () => {
  it("agree: applying every migration yields exactly the schema (else run npm run db:new-migration)", async () => {
    const drift = await diffMigrationsToSchema(DEFAULT_MIGRATIONS_DIR, schema);
    expect(drift, `The migrations do not build what schema.prisma describes. Missing SQL:\n${drift}`).toBeNull();
  });

  it("are told apart when they disagree", async () => {
    const drift = await diffMigrationsToSchema(
      DEFAULT_MIGRATIONS_DIR,
      schema.replace("model Notification {", "model Notification {\n  urgent Boolean @default(false)"),
    );
    expect(drift).toMatch(/ALTER TABLE "Notification" ADD COLUMN\s+"urgent" BOOLEAN NOT NULL DEFAULT false/);
  });
});

function pgSession(client: pg.Client): MigrationSession {
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (script) => {
      await client.query(script);
    },
  };
}

describe("migration runner on PostgreSQL", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function freshClient() {
    const database = await createEmptyDatabase("faultline_migrate");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.push(async () => {
      await client.end();
      await database.drop();
    });
    return client;
  }

  it("applies every migration once, records Prisma's history, and is idempotent", async () => {
    const client = await freshClient();
    const first = await applyMigrations(pgSession(client));
    expect(first.applied.length).toBeGreaterThanOrEqual(2);
    const second = await applyMigrations(pgSession(client));
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length, checksumWarnings: [] });

    const history = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(history.rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(
      history.rows.every((r) => r.finished_at && r.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(r.checksum)),
    ).toBe(true);

    // The data the migrations carry: settings row and the default approval policy.
    const policy = await client.query(
      `SELECT "levelsRequiring"::text[] AS l, "approverLevels"::text[] AS a FROM "ApprovalPolicy"`,
    );
    expect(policy.rows).toEqual([{ l: ["JUNIOR", "MID"], a: ["SENIOR"] }]);
  });

  it("keeps the audit log append-only", async () => {
    const client = await freshClient();
    await applyMigrations(pgSession(client));
    await client.query(`INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('test', 'Test', '1')`);
    await expect(client.query(`UPDATE "AuditLog" SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  it("rolls back a failing migration, records the failure, and refuses to go on until it is resolved", async () => {
    const client = await freshClient();
    const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-migrations-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, "20260101000000_good"));
    writeFileSync(path.join(dir, "20260101000000_good", "migration.sql"), `CREATE TABLE "Good" (id int);`);
    mkdirSync(path.join(dir, "20260102000000_bad"));
    writeFileSync(
      path.join(dir, "20260102000000_bad", "migration.sql"),
      `CREATE TABLE "Half" (id int);\nSELECT * FROM "Missing";`,
    );

    await expect(applyMigrations(pgSession(client), dir)).rejects.toThrow(/20260102000000_bad failed/);
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('Good', 'Half')`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(["Good"]);
    await expect(applyMigrations(pgSession(client), dir)).rejects.toThrow(/failed earlier and is not resolved/);
  });

  it("warns when an applied migration was edited afterwards", async () => {
    const client = await freshClient();
    const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-migrations-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, "20260101000000_one"));
    writeFileSync(path.join(dir, "20260101000000_one", "migration.sql"), `CREATE TABLE "One" (id int);`);
    await applyMigrations(pgSession(client), dir);
    writeFileSync(path.join(dir, "20260101000000_one", "migration.sql"), `CREATE TABLE "One" (id bigint);`);
    const report = await applyMigrations(pgSession(client), dir);
    expect(report.checksumWarnings).toEqual(["20260101000000_one was edited after it was applied"]);
  });
});

describe("migration runner on embedded PGlite", () => {
  it("applies the same migrations and records the same history", async () => {
    const db = new PGlite();
    try {
      const session: MigrationSession = {
        query: async (sql, params) => (await db.query(sql, params)).rows as never[],
        exec: async (script) => {
          await db.exec(script);
        },
      };
      const report = await applyMigrations(session);
      expect(report.applied.length).toBeGreaterThanOrEqual(2);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(rows[0].n).toBe(report.applied.length);
      const tables = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.rows[0].n).toBeGreaterThan(20);
    } finally {
      await db.close();
    }
  });
});
