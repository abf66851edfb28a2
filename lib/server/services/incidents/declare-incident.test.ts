import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { declareIncident } from "./declare-incident";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

describe("declareIncident", () => {
  it("creates the incident, its services, a timeline event and an audit row together", async () => {
    const db = database.connection.prisma;
    const actor = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
    const [a, b] = [await createTestService(db), await createTestService(db)];
    const impactStartedAt = new Date(Date.now() - 20 * 60_000);

    const { id } = await declareIncident({
      actor,
      input: { title: "Checkout returns 502", severity: "SEV2", impactStartedAt, serviceIds: [a.id, b.id] },
    });

    const incident = await db.incident.findUniqueOrThrow({
      where: { id },
      include: { services: true, timeline: true },
    });
    expect(incident).toMatchObject({
      title: "Checkout returns 502",
      severity: "SEV2",
      status: "INVESTIGATING",
      impactStartedAt,
      commanderId: actor.id,
      declaredById: actor.id,
      blastRadiusLevel: "MEDIUM", // two services
      version: 1,
    });
    expect(incident.detectedAt!.getTime()).toBeGreaterThanOrEqual(impactStartedAt.getTime());
    expect(incident.services.map((s) => s.serviceId).sort()).toEqual([a.id, b.id].sort());
    expect(incident.timeline).toHaveLength(1);
    expect(incident.timeline[0]).toMatchObject({ kind: "DECLARED", authorId: actor.id });

    const audit = await db.auditLog.findMany({ where: { entityType: "Incident", entityId: String(id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actor.id, action: "incident.declared" });
    expect(audit[0].after).toMatchObject({ title: "Checkout returns 502", severity: "SEV2" });
  });

  it("refuses a manager with a 403 and writes nothing", async () => {
    const db = database.connection.prisma;
    const manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
    const service = await createTestService(db);
    const before = await db.incident.count();
    await expect(
      declareIncident({
        actor: manager,
        input: { title: "Nope", severity: "SEV3", impactStartedAt: new Date(), serviceIds: [service.id] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.incident.count()).toBe(before);
  });

  it("rejects archived or unknown services with a field error, not a database error", async () => {
    const db = database.connection.prisma;
    const actor = await createTestUser(db);
    const archived = await createTestService(db, { archived: true });
    for (const serviceIds of [[archived.id], [999_999]]) {
      const error = await declareIncident({
        actor,
        input: { title: "Bad service", severity: "SEV3", impactStartedAt: new Date(), serviceIds },
      }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "VALIDATION", status: 422 });
      expect(error.fieldErrors.serviceIds[0]).toMatch(/Pick services/);
    }
  });

  it("takes what is known while declaring: summary, commander, team, blast radius and a suspect (issue 16, item 10)", async () => {
    const db = database.connection.prisma;
    const actor = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
    const commander = await createTestUser(db, { role: "ENGINEER", level: "SENIOR" });
    const service = await createTestService(db);
    const region = await db.region.create({ data: { code: `r-${Date.now()}`, name: "Test region" } });
    const change = await db.change.create({
      data: { title: "Suspect deploy", kind: "DEPLOY", source: "manual", serviceId: service.id },
    });

    const { id } = await declareIncident({
      actor,
      input: {
        title: "Checkout slow",
        severity: "SEV1",
        impactStartedAt: new Date(Date.now() - 60_000),
        serviceIds: [service.id],
        summary: "p99 at 4 s",
        commanderId: commander.id,
        teamId: service.teamId,
        regionIds: [region.id],
        customerImpactPct: 40,
        failedTransactions: 1200,
        suspectedChangeId: change.id,
      },
    });
    const incident = await db.incident.findUniqueOrThrow({
      where: { id },
      include: { regions: true, changes: true, timeline: { orderBy: { id: "asc" } } },
    });
    expect(incident).toMatchObject({
      summary: "p99 at 4 s",
      commanderId: commander.id,
      declaredById: actor.id,
      teamId: service.teamId,
      failedTransactions: 1200,
    });
    expect(Number(incident.customerImpactPct)).toBe(40);
    expect(incident.blastRadiusLevel).not.toBe("LOW");
    expect(incident.regions.map((r) => r.regionId)).toEqual([region.id]);
    expect(incident.changes).toMatchObject([{ changeId: change.id, role: "SUSPECTED", linkedById: actor.id }]);
    expect(incident.timeline.map((t) => t.kind)).toEqual(["DECLARED", "CHANGE_LINKED"]);
  });

  it("refuses unknown or retired references on their fields and writes nothing", async () => {
    const db = database.connection.prisma;
    const actor = await createTestUser(db, { role: "ENGINEER" });
    const gone = await createTestUser(db, { active: false });
    const service = await createTestService(db);
    const archivedTeam = await db.team.create({
      data: { name: `Old ${Date.now()}`, slug: `old-${Date.now()}`, archivedAt: new Date() },
    });
    const before = await db.incident.count();
    const error = await declareIncident({
      actor,
      input: {
        title: "Refused",
        severity: "SEV3",
        impactStartedAt: new Date(),
        serviceIds: [service.id],
        commanderId: gone.id,
        teamId: archivedTeam.id,
        regionIds: [2_147_483_000],
        suspectedChangeId: 2_147_483_000,
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual([
      "commanderId",
      "regionIds",
      "suspectedChangeId",
      "teamId",
    ]);
    expect(await db.incident.count()).toBe(before);
  });
});
