import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { checkReadiness } from "@/lib/server/queries/operations/check-readiness";
import { createEmptyDatabase, useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";

let database: TestDatabase;
const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };

beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database?.dispose());

const ready = () => GET(new Request("http://127.0.0.1/api/ready", { headers: { "x-request-id": "probe-1" } }));

describe("GET /api/ready", () => {
  it("is 200 on a migrated database", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ready");
    expect(body.migrations.pending).toBe(0);
    expect(body.migrations.applied).toBeGreaterThan(0);
    expect(response.headers.get("x-request-id")).toBe("probe-1");
  });

  it("is 503 naming the migration when this build ships one the database lacks", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-migrations-"));
    const applied = await database.connection.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"`;
    for (const row of applied) await mkdir(path.join(dir, row.migration_name));
    await mkdir(path.join(dir, "99999999999999_from_the_future"));
    await writeFile(path.join(dir, "99999999999999_from_the_future", "migration.sql"), "SELECT 1;");
    const readiness = await checkReadiness(dir);
    expect(readiness).toMatchObject({
      ready: false,
      reason: "migrations",
      pending: ["99999999999999_from_the_future"],
    });
  });

  it("is 503 while a migration is recorded as failed", async () => {
    await database.connection.prisma.$executeRaw`
      INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('failed-1', 'x', '00000000000000_broken')`;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ reason: "migrations", pending: ["00000000000000_broken"], requestId: "probe-1" });
      expect(body.detail).toContain("rolled back");
      expect(response.headers.get("retry-after")).toBe("5");
    } finally {
      await database.connection.prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE id = 'failed-1'`;
    }
  });

  it("is 503 on an empty database (nothing applied) and when the database does not answer", async () => {
    const empty = await createEmptyDatabase();
    const connection = openConnection({ kind: "postgres", url: empty.url }, { poolSize: 1 });
    const real = holder.__faultlineDb;
    try {
      holder.__faultlineDb = connection;
      const response = await ready();
      expect(response.status).toBe(503);
      expect((await response.json()).reason).toBe("migrations");
      await connection.close();
      await empty.drop();
      const down = await ready();
      expect(down.status).toBe(503);
      const body = await down.json();
      expect(body.reason).toBe("database");
      expect(body.detail).toContain("DATABASE_URL");
    } finally {
      holder.__faultlineDb = real;
    }
  });
});
