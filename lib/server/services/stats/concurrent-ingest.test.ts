// The figures under concurrent writers: a CI retrying the same deploy with different
// shippedAt days (issue 14). The statistics kept by the database must equal a rebuild.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { createTestService } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let wide: DbConnection;
beforeAll(async () => {
  database = await useTestDatabase();
  // Twenty writers at once need twenty connections: getDb() answers with this pool.
  wide = openConnection({ kind: "postgres", url: database.url }, { poolSize: 24 });
  (globalThis as { __faultlineDb?: DbConnection }).__faultlineDb = wide;
});
afterAll(async () => {
  await wide?.close();
  await database?.dispose();
});

const statsDiffFromRebuild = async () => {
  const db = wide.prisma;
  const read = () => db.$queryRaw<unknown[]>`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`;
  const kept = await read();
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  return { kept, rebuilt: await read() };
};

it("stays equal to a rebuild when 20 posts of one externalId with different days race", async () => {
  const serviceId = (await createTestService(wide.prisma)).id;
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 20, maxLength: 20 }), async (days) => {
      round += 1;
      const externalId = `retry-${round}`;
      await Promise.all(
        days.map((day, i) =>
          ingestChanges({ userId: null, label: "API token ci" }, [
            {
              source: "api",
              externalId,
              kind: "DEPLOY",
              title: `Deploy attempt ${i}`,
              serviceId,
              shippedAt: new Date(Date.UTC(2026, 10, 2 + day, 10)),
            },
          ]),
        ),
      );
      const { kept, rebuilt } = await statsDiffFromRebuild();
      expect(kept).toEqual(rebuilt);
    }),
    { seed: 1414, numRuns: 15 },
  );
});
