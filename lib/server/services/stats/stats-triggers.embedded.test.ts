// The statistics triggers on embedded PGlite (PostgreSQL 18, the default `npm start` database):
// the definitions file applies, and writes through the services keep the statistics equal to
// a full rebuild.
import { integrationActor } from "@/lib/server/auth/actor";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";
import { changeLinkRole } from "@/lib/server/services/incidents/change-link-role";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { linkChange } from "@/lib/server/services/incidents/link-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";

const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };
let dir: string;
let connection: DbConnection;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "faultline-stats-pglite-"));
  connection = openConnection({ kind: "embedded", dataDir: path.join(dir, "data") });
  await connection.withSession((session) => applyMigrations(session));
  holder.__faultlineDb = connection;
});
afterAll(async () => {
  if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

it("keeps the statistics equal to a rebuild on PGlite too", async () => {
  const db = connection.prisma;
  await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: "Asia/Tokyo" } });
  const actor = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  const junior = await createTestUser(db, { level: "JUNIOR" });
  const serviceId = (await createTestService(db)).id;
  const day = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));
  const change = (n: number, shippedAt: Date, aiAssisted: boolean) => ({
    source: "ci",
    externalId: `deploy-${n}`,
    kind: "DEPLOY" as const,
    title: `Deploy ${n}`,
    serviceId,
    authorId: junior.id,
    aiAssisted,
    shippedAt,
  });
  const created = await ingestChanges(integrationActor("ci", actor.id), [
    change(1, day(2, 10), true),
    change(2, day(2, 20), false),
    change(3, day(3, 10), true),
  ]);
  const incident = await declareIncident({
    actor,
    input: { title: "Checkout down", severity: "SEV2", impactStartedAt: day(3, 12), serviceIds: [serviceId] },
  });
  await linkChange({ actor, input: { incidentId: incident.id, changeId: created[0].id, role: "SUSPECTED" } });
  await changeLinkRole({ actor, input: { incidentId: incident.id, changeId: created[0].id, role: "TRIGGER" } });
  await setRolledBack({ actor, input: { changeId: created[1].id, rolledBackAt: day(4, 1) } });
  await ingestChanges(integrationActor("ci", actor.id), [change(1, day(5, 10), false), change(3, day(2, 16), true)]);

  const read = async () => ({
    changes: await db.$queryRaw<
      Array<{ shipped: number; failed: number }>
    >`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`,
    incidents: await db.$queryRaw<Array<{ aiLinked: boolean }>>`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
    weeks: await db.$queryRaw<unknown[]>`SELECT * FROM "WeeklyResolveStat" ORDER BY 1, 2`,
  });
  const kept = await read();
  expect(kept.changes.reduce((sum, row) => sum + row.failed, 0)).toBe(2); // 1 (trigger link), 2 (rolled back)
  expect(kept.incidents).toMatchObject([{ incidents: 1, aiLinked: false }]); // change 1 is no longer AI-assisted
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  expect(await read()).toEqual(kept);
});
