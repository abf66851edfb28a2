import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { createService } from "./create-service";
import { createTeam } from "./create-team";
import { renameTeam } from "./rename-team";
import { setServiceArchived } from "./set-service-archived";
import { setTeamArchived } from "./set-team-archived";
import { updateService } from "./update-service";

let database: TestDatabase;
let db: Db;
let admin: SessionUser;
beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
});
afterAll(() => database.dispose());

const auditActions = async (entityType: string, id: number) =>
  (
    await db.auditLog.findMany({
      where: { entityType, entityId: String(id) },
      orderBy: { id: "asc" },
      select: { action: true },
    })
  ).map((a) => a.action);

describe("teams", () => {
  it("creates a team with a slug like the demo data's, renames it keeping the slug, audited", async () => {
    const { id } = await createTeam({ actor: admin, input: { name: "Catalog & Search" } });
    expect(await db.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Catalog & Search",
      slug: "catalog-search",
    });
    await renameTeam({ actor: admin, input: { teamId: id, name: "Catalog and Search" } });
    expect(await db.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Catalog and Search",
      slug: "catalog-search",
    });
    expect(await auditActions("Team", id)).toEqual(["team.created", "team.renamed"]);
    const renamed = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Team", entityId: String(id), action: "team.renamed" },
    });
    expect(renamed).toMatchObject({ before: { name: "Catalog & Search" }, after: { name: "Catalog and Search" } });
  });

  it("answers a duplicate name with a 409", async () => {
    await createTeam({ actor: admin, input: { name: "Payments" } });
    await expect(createTeam({ actor: admin, input: { name: "Payments" } })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: expect.any(Array) },
    });
  });

  it("refuses to archive a team that still owns active services, and archives it once they are archived", async () => {
    const { id: teamId } = await createTeam({ actor: admin, input: { name: "Identity" } });
    const { id: serviceId } = await createService({
      actor: admin,
      input: { name: "auth-service", teamId, tier: "CUSTOMER_CRITICAL" },
    });
    await expect(setTeamArchived({ actor: admin, input: { teamId, archived: true } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/auth-service.*Archive or move them first/),
    });
    await setServiceArchived({ actor: admin, input: { serviceId, archived: true } });
    await setTeamArchived({ actor: admin, input: { teamId, archived: true } });
    expect((await listTeamOptions()).map((t) => t.id)).not.toContain(teamId);
    // An archived team takes no new services and its services cannot come back until it does.
    await expect(
      createService({ actor: admin, input: { name: "login-web", teamId, tier: "INTERNAL" } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setServiceArchived({ actor: admin, input: { serviceId, archived: false } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/unarchive the team first/),
    });
    await setTeamArchived({ actor: admin, input: { teamId, archived: false } });
    await setServiceArchived({ actor: admin, input: { serviceId, archived: false } });
    expect(await auditActions("Team", teamId)).toEqual(["team.created", "team.archived", "team.unarchived"]);
  });
});

describe("services", () => {
  it("creates, renames, moves and re-tiers a service with a before/after audit", async () => {
    const { id: teamA } = await createTeam({ actor: admin, input: { name: "Storefront" } });
    const { id: teamB } = await createTeam({ actor: admin, input: { name: "Platform" } });
    const { id } = await createService({
      actor: admin,
      input: { name: "Cart Service", teamId: teamA, tier: "CUSTOMER_FACING" },
    });
    expect(await db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      slug: "cart-service",
      teamId: teamA,
      tier: "CUSTOMER_FACING",
    });
    await updateService({
      actor: admin,
      input: { serviceId: id, name: "cart-api", teamId: teamB, tier: "CUSTOMER_CRITICAL" },
    });
    expect(await db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "cart-api",
      slug: "cart-service",
      teamId: teamB,
      tier: "CUSTOMER_CRITICAL",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Service", entityId: String(id), action: "service.updated" },
    });
    expect(audit).toMatchObject({
      before: { name: "Cart Service", teamId: teamA, tier: "CUSTOMER_FACING" },
      after: { name: "cart-api", teamId: teamB, tier: "CUSTOMER_CRITICAL" },
    });
    await expect(
      updateService({ actor: admin, input: { serviceId: 999_999, name: "x-y", teamId: teamB, tier: "INTERNAL" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createService({ actor: admin, input: { name: "cart-api", teamId: teamA, tier: "INTERNAL" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("archiving keeps history: existing changes keep the service, pickers drop it, filters still find it", async () => {
    const { id: teamId } = await createTeam({ actor: admin, input: { name: "Fulfilment" } });
    const { id: serviceId } = await createService({
      actor: admin,
      input: { name: "shipping-api", teamId, tier: "CUSTOMER_FACING" },
    });
    const input = {
      kind: "DEPLOY" as const,
      title: "Ship it",
      serviceId,
      repository: null,
      externalId: null,
      externalUrl: null,
      authorId: admin.id,
      shippedAt: null,
      aiAssisted: false,
      aiToolId: null,
      aiInvolvement: null,
    };
    const change = await registerChange({ actor: admin, input });
    await setServiceArchived({ actor: admin, input: { serviceId, archived: true } });
    expect(
      (await db.change.findUniqueOrThrow({ where: { id: change.id }, select: { service: { select: { name: true } } } }))
        .service.name,
    ).toBe("shipping-api");
    expect((await listServiceOptions()).map((s) => s.id)).not.toContain(serviceId);
    expect(await listServiceOptions({ includeArchived: true })).toContainEqual({
      id: serviceId,
      name: "shipping-api (archived)",
      teamName: "Fulfilment",
      archived: true,
    });
    await expect(registerChange({ actor: admin, input: { ...input, title: "Another" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await auditActions("Service", serviceId)).toEqual(["service.created", "service.archived"]);
  });
});

describe("permissions", () => {
  it.each(["ENGINEER", "MANAGER"] as const)("refuses a %s", async (role) => {
    const actor = await createTestUser(db, { role, level: "SENIOR" });
    await expect(createTeam({ actor, input: { name: "Rogue team" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createService({ actor, input: { name: "rogue", teamId: 1, tier: "INTERNAL" } })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(await db.team.count({ where: { name: "Rogue team" } })).toBe(0);
  });
});
