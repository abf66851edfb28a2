import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// pg 8.19+ warns "Calling client.query() when the client is already executing a query" (an error in
// pg 9) when a second query is sent on a connection before the first answered. Inside an interactive
// transaction every query shares one connection, and Prisma's query plans send independent reads of
// one statement (nested includes) at once, as does application code with Promise.all on `tx`.

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

type QueuedClient = pg.Client & { _queryQueue: unknown[]; _activeQuery: unknown };

/** Runs `work` while counting client.query() calls made while that client was still busy. */
async function countOverlaps(work: () => Promise<unknown>): Promise<{ calls: number; overlaps: number }> {
  const original = pg.Client.prototype.query;
  const counts = { calls: 0, overlaps: 0 };
  pg.Client.prototype.query = function (this: QueuedClient, ...args: unknown[]) {
    counts.calls += 1;
    if (this._queryQueue.length > 0) counts.overlaps += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return counts;
}

describe("queries inside a transaction", () => {
  it("never overlap on the transaction's connection (no pg DeprecationWarning), and still all run", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db);
    const service = await createTestService(db);
    const { calls, overlaps } = await countOverlaps(() =>
      db.$transaction(async (tx) => {
        const results = await Promise.all([
          tx.user.findUnique({ where: { id: user.id } }),
          tx.service.findUnique({ where: { id: service.id }, include: { team: true } }),
          tx.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`,
          tx.user.count(),
        ]);
        expect(results[0]?.id).toBe(user.id);
        expect(results[1]?.id).toBe(service.id);
      }),
    );
    expect(calls).toBeGreaterThanOrEqual(6); // BEGIN, four queries, COMMIT
    expect(overlaps).toBe(0);
  });

  it("still rolls back everything when one query fails", async () => {
    const db = database.connection.prisma;
    const before = await db.team.count();
    await expect(
      db.$transaction(async (tx) => {
        await tx.team.create({ data: { name: `rollback-${Date.now()}`, slug: `rollback-${Date.now()}` } });
        await Promise.all([tx.$queryRaw`SELECT 1`, tx.$queryRaw`SELECT * FROM no_such_table`]);
      }),
    ).rejects.toThrow();
    expect(await db.team.count()).toBe(before);
  });
});
