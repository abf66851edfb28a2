import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { removeDemoData } from "./remove-demo-data";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

describe("removing the demo organisation", () => {
  it("deletes demo rows and their audit rows, keeps everything real, and the statistics follow", async () => {
    const db = database.connection.prisma;
    await generateDemoData(db, { changes: 120, incidents: 12, weeks: 4, seed: 7 });
    const demo = {
      users: await db.user.count({ where: { demo: true } }),
      incidents: await db.incident.count({ where: { demo: true } }),
      changes: await db.change.count({ where: { demo: true } }),
    };
    expect(demo.users).toBeGreaterThan(0);
    expect(demo.incidents).toBe(12);
    expect(demo.changes).toBe(120);

    // Real life next to it: a real person, a real incident commanded by a demo person and
    // linked to a demo change, audit rows of both kinds.
    const real = await createTestUser(db, { role: "ADMIN" });
    const demoSenior = await db.user.findFirstOrThrow({ where: { demo: true, email: "senior@faultline.dev" } });
    const service = await createTestService(db);
    const realIncident = await db.incident.create({
      data: { title: "Real outage", severity: "SEV2", impactStartedAt: new Date(), commanderId: demoSenior.id },
    });
    await db.incidentService.create({ data: { incidentId: realIncident.id, serviceId: service.id } });
    const demoChange = await db.change.findFirstOrThrow({ where: { demo: true } });
    await db.incidentChange.create({ data: { incidentId: realIncident.id, changeId: demoChange.id, role: "TRIGGER" } });
    const realAudit = await db.auditLog.create({
      data: {
        actorId: real.id,
        action: "incident.declared",
        entityType: "Incident",
        entityId: String(realIncident.id),
      },
    });
    const demoIncident = await db.incident.findFirstOrThrow({ where: { demo: true } });
    await db.auditLog.create({
      data: { actorId: real.id, action: "incident.updated", entityType: "Incident", entityId: String(demoIncident.id) },
    });
    await db.auditLog.create({
      data: { actorId: demoSenior.id, action: "change.approved", entityType: "Change", entityId: "999999" },
    });

    // The audit log stays append-only for everyone else, setting or not.
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${realAudit.id}`).rejects.toThrow(/append-only/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('faultline.audit_purge', 'demo', true)`;
        await tx.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${realAudit.id}`;
      }),
    ).rejects.toThrow(/append-only/);

    const removed = await removeDemoData({ actor: CLI_ACTOR });
    expect(removed).toMatchObject({ incidents: 12, changes: 120, auditRows: 2 });
    expect(removed.users + removed.usersDeactivated).toBe(demo.users);
    expect(removed.usersDeactivated).toBe(1); // the demo senior still commands the real incident

    expect(await db.incident.count({ where: { demo: true } })).toBe(0);
    expect(await db.change.count()).toBe(0);
    expect(await db.incident.findUnique({ where: { id: realIncident.id } })).not.toBeNull();
    expect(await db.incidentChange.count({ where: { incidentId: realIncident.id } })).toBe(0);
    expect(await db.auditLog.findUnique({ where: { id: realAudit.id } })).not.toBeNull();
    const senior = await db.user.findUniqueOrThrow({
      where: { id: demoSenior.id },
      select: { active: true, passwordHash: true },
    });
    expect(senior).toMatchObject({ active: false, passwordHash: null });
    const log = await db.auditLog.findMany({ where: { action: "demo.removed" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: null, actorLabel: "CLI" });

    // Statistics hold only the real incident, exactly as a full rebuild has them.
    const stats = async () => db.$queryRaw`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`;
    const kept = await stats();
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(kept).toEqual(await stats());
    expect(await db.dailyChangeStat.count()).toBe(0);

    // The removal's own row cannot be deleted, even by another removal.
    await removeDemoData({ actor: CLI_ACTOR });
    expect(await db.auditLog.count({ where: { action: "demo.removed" } })).toBe(2);
  });

  it("is refused to a demo admin, who would remove themselves", async () => {
    const db = database.connection.prisma;
    const demoAdmin = await createTestUser(db, { role: "ADMIN" });
    await db.user.update({ where: { id: demoAdmin.id }, data: { demo: true } });
    await expect(removeDemoData({ actor: demoAdmin })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { id: demoAdmin.id } })).toBe(1);
  });

  it("is refused to anyone but an admin", async () => {
    const engineer = await createTestUser(database.connection.prisma, { role: "ENGINEER" });
    await expect(removeDemoData({ actor: engineer })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
