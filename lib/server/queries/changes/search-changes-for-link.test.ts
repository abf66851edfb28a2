import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { linkChange } from "@/lib/server/services/incidents/link-change";
import { searchIncidentsForLink } from "@/lib/server/queries/incidents/search-incidents-for-link";
import { searchChangesForLink } from "./search-changes-for-link";

let database: TestDatabase;
let db: Db;
let engineer: SessionUser;
let serviceId: number;
const DAY = 86_400_000;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  engineer = await createTestUser(db, { role: "ENGINEER", level: "MID" });
  serviceId = (await createTestService(db)).id;
}, 60_000);
afterAll(() => database?.dispose());

async function change(title: string, ageDays: number, externalId: string | null = null) {
  const at = new Date(Date.now() - ageDays * DAY);
  return db.change.create({
    data: { kind: "DEPLOY", title, serviceId, externalId, shippedAt: at, createdAt: at, authorId: engineer.id },
  });
}

describe("searchChangesForLink", () => {
  it("finds a latent change shipped two weeks ago by title, any change by number or external id", async () => {
    const latent = await change("Cache key rewrite for pricing", 14);
    const ancient = await change("Ancient pricing tweak", 400, "deploy-ancient-1");
    expect((await searchChangesForLink({ query: "cache KEY" })).map((c) => c.id)).toContain(latent.id);
    // Old changes are beyond the title window, but their number and external id still find them.
    expect((await searchChangesForLink({ query: "Ancient pricing" })).map((c) => c.id)).not.toContain(ancient.id);
    expect((await searchChangesForLink({ query: `#${ancient.id}` }))[0]?.id).toBe(ancient.id);
    expect((await searchChangesForLink({ query: String(ancient.id) }))[0]?.id).toBe(ancient.id);
    expect((await searchChangesForLink({ query: "deploy-ancient-1" }))[0]?.id).toBe(ancient.id);
  });

  it("takes % and _ literally, is bounded to 10 rows, and says which are already linked", async () => {
    for (let i = 0; i < 12; i++) await change(`Bulk flag flip ${i}`, 1);
    const percent = await change("Raise limit to 100% for beta_users", 2);
    expect((await searchChangesForLink({ query: "%" })).map((c) => c.id)).toEqual([percent.id]);
    expect(await searchChangesForLink({ query: "Bulk flag" })).toHaveLength(10);
    expect(await searchChangesForLink({ query: "   " })).toEqual([]);
    expect(await searchChangesForLink({ query: '\'; DROP TABLE "Change"; --' })).toEqual([]);

    const { id: incidentId } = await declareIncident({
      actor: engineer,
      input: { title: "Beta users see errors", severity: "SEV3", impactStartedAt: new Date(), serviceIds: [serviceId] },
    });
    await linkChange({ actor: engineer, input: { incidentId, changeId: percent.id, role: "TRIGGER" } });
    const [found] = await searchChangesForLink({ query: "beta_users", incidentId });
    expect(found).toMatchObject({ id: percent.id, linked: true });
  });
});

describe("searchIncidentsForLink", () => {
  it("finds incidents by INC number or recent title", async () => {
    const { id } = await declareIncident({
      actor: engineer,
      input: { title: "Search is slow in EU", severity: "SEV2", impactStartedAt: new Date(), serviceIds: [serviceId] },
    });
    expect((await searchIncidentsForLink({ query: `INC-${id}` }))[0]?.id).toBe(id);
    expect((await searchIncidentsForLink({ query: "slow in eu" })).map((i) => i.id)).toContain(id);
    expect(await searchIncidentsForLink({ query: "no such incident title" })).toEqual([]);
  });
});
