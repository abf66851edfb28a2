// Time to resolve is read from the weekly rollup of sorted hours (decisions 037 and 038) when
// no team or service filter applies, and from the incidents themselves (percentile_cont)
// otherwise. This test pins the one to the other: after random incident writes (declared, resolved, re-timed,
// reopened, re-rated, deleted), across a daylight-saving change and around local midnights,
// both paths give exactly the same weekly medians and p90s. Seeded and bounded.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createTestService } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import type { MetricScope } from "./metric-scope";
import { timeToResolveByWeek } from "./time-to-resolve";

const TZ = "America/New_York"; // EDT until Sun 1 Nov 2026 02:00, then EST
const HOUR = 3_600_000;
const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
// Monday 19 Oct 2026 00:00 EDT; the range below covers five weeks from there.
const start = new Date("2026-10-19T04:00:00Z").getTime();
const scope: MetricScope = { from: "2026-10-19", to: "2026-11-23", timeZone: TZ, serviceIds: [], teamIds: [] };

let database: TestDatabase;
const db = () => database.connection.prisma;
let serviceId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  await db().orgSettings.update({ where: { id: 1 }, data: { timeZone: TZ } });
  serviceId = (await createTestService(db())).id;
}, 60_000);
afterAll(() => database?.dispose());

// Impact starts in quarter hours from a week before the range to a week after it, so that
// local midnights, Sunday nights and the DST change are hit; durations include 0 and repeats.
const quarter = fc.integer({ min: -7 * 96, max: 42 * 96 });
const took = fc.option(fc.constantFrom(0, 0.25, 1, 1, 2.5, 11.85, 48, 300), { nil: null });
const incident = fc.record({ at: quarter, took, sev: fc.nat(3) });
const edit = fc.oneof(
  fc.record({ kind: fc.constant("resolve" as const), i: fc.nat(), took }),
  fc.record({ kind: fc.constant("move" as const), i: fc.nat(), at: quarter }),
  fc.record({ kind: fc.constant("rate" as const), i: fc.nat(), sev: fc.nat(3) }),
  fc.record({ kind: fc.constant("delete" as const), i: fc.nat() }),
);

it("reads the same percentiles from the weekly rollup as from the incidents", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(incident, { minLength: 1, maxLength: 30 }),
      fc.array(edit, { maxLength: 10 }),
      async (incidents, edits) => {
        await db().incident.deleteMany({});
        const ids: number[] = [];
        for (const spec of incidents) {
          const impactStartedAt = new Date(start + (spec.at * HOUR) / 4);
          const created = await db().incident.create({
            data: {
              title: "Checkout down",
              severity: SEVERITIES[spec.sev],
              impactStartedAt,
              resolvedAt: spec.took === null ? null : new Date(impactStartedAt.getTime() + spec.took * HOUR),
              status: spec.took === null ? "INVESTIGATING" : "RESOLVED",
              services: { create: [{ serviceId }] },
            },
            select: { id: true },
          });
          ids.push(created.id);
        }
        for (const e of edits) {
          const id = ids[e.i % ids.length];
          const row = await db().incident.findUnique({ where: { id }, select: { impactStartedAt: true } });
          if (!row) continue;
          if (e.kind === "delete") await db().incident.delete({ where: { id } });
          else if (e.kind === "rate")
            await db().incident.update({ where: { id }, data: { severity: SEVERITIES[e.sev] } });
          else if (e.kind === "move")
            await db().incident.update({
              where: { id },
              data: { impactStartedAt: new Date(start + (e.at * HOUR) / 4) },
            });
          else
            await db().incident.update({
              where: { id },
              data: {
                resolvedAt: e.took === null ? null : new Date(row.impactStartedAt.getTime() + e.took * HOUR),
                status: e.took === null ? "IDENTIFIED" : "RESOLVED",
              },
            });
        }
        const fromStatistics = await timeToResolveByWeek(scope);
        const fromIncidents = await timeToResolveByWeek({ ...scope, serviceIds: [serviceId] });
        expect(fromStatistics).toEqual(fromIncidents);
      },
    ),
    { seed: 20261205, numRuns: 30 },
  );
}, 120_000);

it("a resolved incident's hours reach the statistics through the trigger, not a rebuild", async () => {
  await db().incident.deleteMany({});
  const impactStartedAt = new Date("2026-11-02T14:00:00Z");
  const { id } = await db().incident.create({
    data: { title: "Login down", severity: "SEV2", impactStartedAt, services: { create: [{ serviceId }] } },
  });
  const week = async () =>
    (await timeToResolveByWeek(scope)).find((r) => r.week === "2026-11-02" && r.severity === "SEV2");
  expect(await week()).toMatchObject({ resolved: 0, medianHours: null });
  await db().incident.update({
    where: { id },
    data: { resolvedAt: new Date("2026-11-02T17:30:00Z"), status: "RESOLVED" },
  });
  expect(await week()).toMatchObject({ resolved: 1, medianHours: 3.5, p90Hours: 3.5 });
  await db().incident.update({ where: { id }, data: { resolvedAt: null, status: "IDENTIFIED" } });
  expect(await week()).toMatchObject({ resolved: 0, medianHours: null });
});

it("is filled on the first start after its migration, equal to what the triggers keep", async () => {
  await db().incident.deleteMany({});
  for (const [i, hours] of [1.5, 4, 30].entries())
    await db().incident.create({
      data: {
        title: `I${i}`,
        severity: SEVERITIES[i],
        impactStartedAt: new Date(start + i * 26 * HOUR),
        resolvedAt: new Date(start + i * 26 * HOUR + hours * HOUR),
        status: "RESOLVED",
      },
    });
  const rollup = async () => ({
    days: await db().$queryRaw`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
    weeks: await db().$queryRaw`SELECT * FROM "WeeklyResolveStat" ORDER BY 1, 2`,
  });
  const kept = await rollup();
  expect(kept.weeks).toHaveLength(4); // one week: all severities, and each of the three
  // As the migrations leave it: every day's values empty, no weekly row.
  await db().$executeRaw`UPDATE "DailyIncidentStat" SET "resolvedHours" = '{}'`;
  await db().$executeRaw`DELETE FROM "WeeklyResolveStat"`;
  await database.connection.withSession((session) => applyMigrations(session));
  expect(await rollup()).toEqual(kept);
});
