import { describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { statementNamer } from "./statement-names";

describe("statementNamer", () => {
  it("gives one stable name per statement text and different names to different texts", () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT 1 FROM "Change" WHERE id = $1' });
    expect(a).toMatch(/^f_[\w-]+$/);
    expect(name({ sql: 'SELECT 1 FROM "Change" WHERE id = $1' })).toBe(a);
    expect(name({ sql: 'SELECT 1 FROM "Change" WHERE id = $2' })).not.toBe(a);
    // A second namer (another process) names the same text the same way.
    expect(statementNamer()({ sql: 'SELECT 1 FROM "Change" WHERE id = $1' })).toBe(a);
  });

  it("stops naming new texts beyond its bound, so a connection's prepared statements stay bounded", () => {
    const name = statementNamer(3);
    const names = Array.from({ length: 5 }, (_, i) => name({ sql: `SELECT ${i}` }));
    expect(names.slice(0, 3).every((n) => n.startsWith("f_"))).toBe(true);
    expect(names.slice(3)).toEqual(["", ""]);
    // Texts named before the bound keep their names.
    expect(name({ sql: "SELECT 0" })).toBe(names[0]);
  });
});

describe("the app's PostgreSQL connection", () => {
  const preparedCopies = async (database: TestDatabase) => {
    try {
      const db = database.connection.prisma;
      // One connection in a transaction, so every statement runs on the same session.
      const prepared = await db.$transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.$queryRawUnsafe(`SELECT $1::int AS n, 'statement-names-test' AS tag`, i);
        return tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%' || 'statement-names' || '-test%'`;
      });
      return prepared[0].n;
    } finally {
      await database.dispose();
    }
  };

  it("prepares a raw statement once per connection and reuses it", async () => {
    expect(await preparedCopies(await useTestDatabase())).toBe(1);
  });

  it("prepares nothing with FAULTLINE_PREPARED_STATEMENTS=0 (transaction-mode poolers)", async () => {
    process.env.FAULTLINE_PREPARED_STATEMENTS = "0";
    try {
      expect(await preparedCopies(await useTestDatabase())).toBe(0);
    } finally {
      delete process.env.FAULTLINE_PREPARED_STATEMENTS;
    }
  });
});
