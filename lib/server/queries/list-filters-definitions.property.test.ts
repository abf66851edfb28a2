// The list filters "failed", "shipped without approval", "AI-linked" and "high blast radius"
// are Prisma conditions (the lists page with Prisma's keyset queries); the figures' definitions
// live in prisma/definitions.sql (views ChangeOutcome and IncidentOutcome, issue 14). This test
// pins the one to the other: on random data, each filter selects exactly the rows the views
// classify that way, so a definition changed in SQL alone fails here. Seeded and bounded.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseChangeFilters } from "@/lib/schemas/change-filters";
import { parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { changeWhere } from "@/lib/server/queries/changes/list-changes";
import { incidentWhere } from "@/lib/server/queries/incidents/list-incidents";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
const db = () => database.connection.prisma;
let serviceId: number;
let userId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  serviceId = (await createTestService(db())).id;
  userId = (await createTestUser(db(), { role: "ADMIN", level: "SENIOR" })).id;
}, 60_000);
afterAll(() => database?.dispose());

const HOUR = 3_600_000;
const base = new Date("2026-11-02T00:00:00Z").getTime();
const APPROVAL_STATES = ["NOT_REQUIRED", "PENDING", "APPROVED", "REJECTED"] as const;
const ROLES = ["TRIGGER", "ROOT_CAUSE", "CONTRIBUTING", "SUSPECTED"] as const;
const LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

const changeSpec = fc.record({
  shippedH: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  rolledBack: fc.boolean(),
  aiAssisted: fc.boolean(),
  required: fc.boolean(),
  state: fc.constantFrom(...APPROVAL_STATES),
  // Decided before, at or after shipping, or never.
  decidedOffsetH: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
});
const incidentSpec = fc.record({
  level: fc.constantFrom(...LEVELS),
  links: fc.array(fc.record({ change: fc.nat(), role: fc.constantFrom(...ROLES) }), { maxLength: 3 }),
});
const world = fc.record({
  changes: fc.array(changeSpec, { minLength: 1, maxLength: 25 }),
  incidents: fc.array(incidentSpec, { maxLength: 12 }),
});

type World = { changes: ChangeSpec[]; incidents: IncidentSpec[] };
type ChangeSpec = {
  shippedH: number | null;
  rolledBack: boolean;
  aiAssisted: boolean;
  required: boolean;
  state: (typeof APPROVAL_STATES)[number];
  decidedOffsetH: number | null;
};
type IncidentSpec = { level: (typeof LEVELS)[number]; links: { change: number; role: (typeof ROLES)[number] }[] };

async function build(w: World) {
  await db().incidentChange.deleteMany({});
  await db().incident.deleteMany({});
  await db().change.deleteMany({});
  const changeIds: number[] = [];
  for (const [i, c] of w.changes.entries()) {
    const shippedAt = c.shippedH === null ? null : new Date(base + c.shippedH * HOUR);
    const decidedAt =
      c.decidedOffsetH === null
        ? null
        : new Date((shippedAt?.getTime() ?? base + 100 * HOUR) + c.decidedOffsetH * HOUR);
    const created = await db().change.create({
      data: {
        kind: "DEPLOY",
        title: `change ${i}`,
        serviceId,
        shippedAt,
        rolledBackAt: c.rolledBack && shippedAt ? new Date(shippedAt.getTime() + HOUR) : null,
        aiAssisted: c.aiAssisted,
        approvalRequired: c.required,
        approvalState: c.state,
        approvalDecidedAt: decidedAt,
      },
      select: { id: true },
    });
    changeIds.push(created.id);
  }
  for (const [i, incident] of w.incidents.entries()) {
    const created = await db().incident.create({
      data: {
        title: `incident ${i}`,
        severity: "SEV2",
        impactStartedAt: new Date(base + i * HOUR),
        blastRadiusLevel: incident.level,
        declaredById: userId,
      },
      select: { id: true },
    });
    const linked = new Map<number, (typeof ROLES)[number]>();
    for (const link of incident.links) linked.set(changeIds[link.change % changeIds.length], link.role);
    for (const [changeId, role] of linked)
      await db().incidentChange.create({ data: { incidentId: created.id, changeId, role } });
  }
}

const sorted = (ids: { id: number }[]) => ids.map((row) => row.id).sort((a, b) => a - b);
const changesWhere = async (params: Record<string, string>) =>
  sorted(await db().change.findMany({ where: changeWhere(parseChangeFilters(params), "UTC"), select: { id: true } }));
const incidentsWhere = async (params: Record<string, string>) =>
  sorted(
    await db().incident.findMany({ where: incidentWhere(parseIncidentFilters(params), "UTC"), select: { id: true } }),
  );
const fromView = async (sql: string) => sorted(await db().$queryRawUnsafe<{ id: number }[]>(sql));

describe("list filters select what the SQL definitions classify", () => {
  it("failed, shipped without approval, AI-linked and high blast radius, on random data", async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await build(w);
        expect(await changesWhere({ failed: "yes" })).toEqual(
          await fromView(`SELECT id FROM "ChangeOutcome" WHERE failed`),
        );
        expect(await changesWhere({ failed: "no" })).toEqual(
          await fromView(`SELECT id FROM "ChangeOutcome" WHERE NOT failed`),
        );
        expect(await changesWhere({ violation: "1" })).toEqual(
          await fromView(`SELECT id FROM "ChangeOutcome" WHERE compliance = 'VIOLATION'`),
        );
        expect(await changesWhere({ violation: "1", ai: "yes" })).toEqual(
          await fromView(`SELECT id FROM "ChangeOutcome" WHERE compliance = 'VIOLATION' AND "aiAssisted"`),
        );
        expect(await incidentsWhere({ ai: "1" })).toEqual(
          await fromView(`SELECT id FROM "IncidentOutcome" WHERE "aiLinked"`),
        );
        expect(await incidentsWhere({ blast: "1" })).toEqual(
          await fromView(`SELECT id FROM "IncidentOutcome" WHERE "highBlast"`),
        );
      }),
      { seed: 1405, numRuns: 25 },
    );
  }, 180_000);
});
