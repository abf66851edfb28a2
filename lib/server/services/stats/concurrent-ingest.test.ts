// The figures under concurrent writers: a CI retrying the same deploy with different
// shippedAt days (issue 14). The statistics kept by the database must equal a rebuild.
import { integrationActor } from "@/lib/server/auth/actor";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";
import { changeLinkRole } from "@/lib/server/services/incidents/change-link-role";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { linkChange } from "@/lib/server/services/incidents/link-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
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
          ingestChanges(integrationActor("API token ci", null), [
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

it("stays equal to a rebuild when links, rollbacks and AI re-tags race day moves of the same change", async () => {
  const db = wide.prisma;
  const serviceId = (await createTestService(db)).id;
  const actor = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  const incident = await declareIncident({
    actor,
    input: {
      title: "Checkout down",
      severity: "SEV2",
      impactStartedAt: new Date(Date.UTC(2026, 10, 3, 9)),
      serviceIds: [serviceId],
    },
  });
  let round = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 8, maxLength: 12 }),
      fc.constantFrom("TRIGGER", "ROOT_CAUSE", "SUSPECTED"),
      async (posts, role) => {
        round += 1;
        const post = (day: number, ai: boolean) =>
          ingestChanges(integrationActor("ci", actor.id), [
            {
              source: "api",
              externalId: `raced-${round}`,
              kind: "DEPLOY",
              title: `Deploy ${round}`,
              serviceId,
              aiAssisted: ai,
              shippedAt: new Date(Date.UTC(2026, 10, 2 + day, 10)),
            },
          ]);
        const [{ id: changeId }] = await post(0, true);
        const input = { incidentId: incident.id, changeId };
        await Promise.all([
          ...posts.map(([day, ai]) => post(day, ai)),
          linkChange({ actor, input: { ...input, role } }).then(() =>
            changeLinkRole({ actor, input: { ...input, role: role === "SUSPECTED" ? "TRIGGER" : "SUSPECTED" } }),
          ),
          setRolledBack({ actor, input: { changeId, rolledBackAt: new Date() } }).then(() =>
            setRolledBack({ actor, input: { changeId, rolledBackAt: null } }),
          ),
        ]);
        const read = async () => ({
          changes: await db.$queryRaw<unknown[]>`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`,
          incidents: await db.$queryRaw<unknown[]>`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
          weeks: await db.$queryRaw<unknown[]>`SELECT * FROM "WeeklyResolveStat" ORDER BY 1, 2`,
        });
        const kept = await read();
        await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
        expect(kept).toEqual(await read());
      },
    ),
    { seed: 1415, numRuns: 12 },
  );
});
