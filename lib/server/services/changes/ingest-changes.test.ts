import { integrationActor } from "@/lib/server/auth/actor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { isAppError } from "@/lib/server/errors";
import { ingestChanges, type ExternalChangeInput, type IngestOutcome } from "./ingest-changes";

let database: TestDatabase;
const db = () => database.connection.prisma;
const actor = integrationActor("API token ci", null);
let serviceId: number;
let juniorId: number;
let seniorId: number;
let toolId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  serviceId = (await createTestService(db())).id;
  juniorId = (await createTestUser(db(), { level: "JUNIOR" })).id;
  seniorId = (await createTestUser(db(), { level: "SENIOR" })).id;
  toolId = (await db().aiTool.create({ data: { name: "Copilot", slug: "copilot" } })).id;
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  actor.userId = admin.id;
}, 60_000);
afterAll(() => database?.dispose());

/** An outcome without the written row (which carries timestamps). */
const slim = ({ change: _change, ...outcome }: IngestOutcome) => outcome;

let counter = 0;
function change(overrides: Partial<ExternalChangeInput> = {}): ExternalChangeInput {
  counter += 1;
  return {
    source: "api",
    externalId: `deploy-${counter}`,
    kind: "DEPLOY",
    title: `Deploy ${counter}`,
    serviceId,
    ...overrides,
  };
}

describe("ingestChanges", () => {
  it("creates, then updates, then reports an identical repost as unchanged", async () => {
    const input = change({ authorId: seniorId, shippedAt: new Date("2026-11-20T10:00:00Z") });
    const [created] = await ingestChanges(actor, [input]);
    expect(created.outcome).toBe("created");

    const [updated] = await ingestChanges(actor, [
      { ...input, title: "Deploy renamed", rolledBackAt: new Date("2026-11-20T11:00:00Z") },
    ]);
    expect(slim(updated)).toEqual({ ...slim(created), outcome: "updated" });
    expect(updated.change).toMatchObject({ title: "Deploy renamed", failed: true, written: true, inserted: false });

    const [unchanged] = await ingestChanges(actor, [{ ...input, title: "Deploy renamed" }]);
    expect(slim(unchanged)).toEqual({ ...slim(created), outcome: "unchanged" });

    const row = await db().change.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      title: "Deploy renamed",
      authorLevel: "SENIOR",
      version: 2,
      rolledBackAt: new Date("2026-11-20T11:00:00Z"),
    });
    const audit = await db().auditLog.findMany({
      where: { entityType: "Change", entityId: String(created.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
      "change.ingested",
      "change.ingest_updated",
    ]);
    expect(audit[1]).toMatchObject({
      actorLabel: "API token ci",
      before: expect.objectContaining({ title: `Deploy ${counter}` }),
      after: expect.objectContaining({ title: "Deploy renamed" }),
    });
  });

  it("keeps stored values for fields an update leaves out", async () => {
    const input = change({
      description: "first",
      aiAssisted: true,
      aiToolId: toolId,
      aiInvolvement: "CO_AUTHORED",
      authorId: seniorId,
      repository: "org/repo",
    });
    const [first] = await ingestChanges(actor, [input]);
    await ingestChanges(actor, [
      {
        source: input.source,
        externalId: input.externalId,
        kind: "DEPLOY",
        title: "later",
        serviceId,
        shippedAt: new Date(),
      },
    ]);
    const row = await db().change.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({
      description: "first",
      aiAssisted: true,
      aiToolId: toolId,
      aiInvolvement: "CO_AUTHORED",
      authorId: seniorId,
      repository: "org/repo",
      title: "later",
    });
    expect(row.shippedAt).not.toBeNull();
  });

  it("a retried batch creates nothing twice and answers in input order, duplicates merged", async () => {
    const batch = Array.from({ length: 50 }, () => change());
    const first = await ingestChanges(actor, [...batch, { ...batch[0], title: "last wins" }]);
    expect(first).toHaveLength(51);
    expect(new Set(first.filter((result) => result.outcome === "created").map((result) => result.id)).size).toBe(50);
    expect(first[0]).toEqual(first[50]);
    expect(first.map((result) => result.externalId)).toEqual([
      ...batch.map((input) => input.externalId),
      batch[0].externalId,
    ]);
    const again = await ingestChanges(actor, [...batch.slice(1), { ...batch[0], title: "last wins" }]);
    expect(again.every((result) => result.outcome === "unchanged")).toBe(true);
    expect(await db().change.count({ where: { externalId: { in: batch.map((input) => input.externalId) } } })).toBe(50);
    expect((await db().change.findUniqueOrThrow({ where: { id: first[0].id } })).title).toBe("last wins");
  });

  it("concurrent posts of the same change end with one row", async () => {
    const input = change({ shippedAt: new Date() });
    const results = await Promise.all(Array.from({ length: 12 }, () => ingestChanges(actor, [input])));
    expect(new Set(results.map(([result]) => result.id)).size).toBe(1);
    expect(results.filter(([result]) => result.outcome === "created")).toHaveLength(1);
    expect(await db().change.count({ where: { source: "api", externalId: input.externalId } })).toBe(1);
  });

  it("concurrent overlapping batches in opposite orders neither deadlock nor duplicate", async () => {
    const batch = Array.from({ length: 40 }, () => change());
    const reversed = [...batch].reverse().map((input) => ({ ...input, title: `${input.title} (b)` }));
    await Promise.all([ingestChanges(actor, batch), ingestChanges(actor, reversed), ingestChanges(actor, batch)]);
    expect(await db().change.count({ where: { externalId: { in: batch.map((input) => input.externalId) } } })).toBe(40);
  });

  it("decides approval once, at creation, from the author's level then", async () => {
    const input = change({ authorId: juniorId, aiAssisted: true, aiToolId: toolId });
    const [result] = await ingestChanges(actor, [input]);
    const row = await db().change.findUniqueOrThrow({ where: { id: result.id }, include: { decisions: true } });
    expect(row).toMatchObject({ approvalRequired: true, approvalState: "PENDING", authorLevel: "JUNIOR" });
    expect(row.decisions).toMatchObject([{ decision: "REQUESTED", actorId: juniorId }]);
    expect(await db().notification.count({ where: { userId: seniorId, href: `/changes/${result.id}` } })).toBe(1);

    await db().user.update({ where: { id: juniorId }, data: { level: "SENIOR" } });
    await ingestChanges(actor, [{ ...input, title: "retitled after the promotion" }]);
    expect(await db().change.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      approvalRequired: true,
      approvalState: "PENDING",
      authorLevel: "JUNIOR",
    });
    await db().user.update({ where: { id: juniorId }, data: { level: "JUNIOR" } });
  });

  it("queues the policy-violation event once, when a change needing approval ships unapproved", async () => {
    const hook = await db().outboundWebhook.create({
      data: { name: "ops", url: "http://127.0.0.1:9/hook", events: ["change.policy_violation_shipped"], secret: "s" },
    });
    const input = change({ authorId: juniorId, aiAssisted: true });
    const [result] = await ingestChanges(actor, [input]);
    expect(await db().outboundDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    await ingestChanges(actor, [{ ...input, shippedAt: new Date() }]);
    await ingestChanges(actor, [{ ...input, shippedAt: new Date(Date.now() + 60_000) }]);
    const deliveries = await db().outboundDelivery.findMany({ where: { webhookId: hook.id } });
    expect(deliveries).toMatchObject([
      { event: "change.policy_violation_shipped", eventId: `change-${result.id}-violation-shipped` },
    ]);
    await db().outboundWebhook.delete({ where: { id: hook.id } });
  });

  it("keeps the dashboard rollups true when a change moves to another day", async () => {
    const input = change({ shippedAt: new Date("2026-10-01T12:00:00Z") });
    await ingestChanges(actor, [input]);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const shippedOn = async (iso: string) =>
      (await db().dailyChangeStat.aggregate({ where: { day: day(iso), serviceId }, _sum: { shipped: true } }))._sum
        .shipped ?? 0;
    expect(await shippedOn("2026-10-01")).toBe(1);
    await ingestChanges(actor, [{ ...input, shippedAt: new Date("2026-10-03T12:00:00Z") }]);
    expect(await shippedOn("2026-10-01")).toBe(0);
    expect(await shippedOn("2026-10-03")).toBe(1);
  });

  it("leaves the rollups exactly as a full rebuild would, after creates, moves, retags, rollbacks and linked failures", async () => {
    const otherService = (await createTestService(db())).id;
    const base = Date.parse("2026-09-01T08:00:00Z");
    const batch = Array.from({ length: 30 }, (_, i) =>
      change({
        shippedAt: i % 5 === 0 ? null : new Date(base + i * 7_200_000),
        authorId: i % 2 ? juniorId : seniorId,
        aiAssisted: i % 3 === 0,
        aiToolId: i % 3 === 0 ? toolId : null,
      }),
    );
    const created = await ingestChanges(actor, batch);
    const incident = await db().incident.create({
      data: { title: "linked", severity: "SEV2", impactStartedAt: new Date(base) },
    });
    await db().incidentChange.create({ data: { incidentId: incident.id, changeId: created[1].id, role: "TRIGGER" } });
    await ingestChanges(actor, [
      { ...batch[1], shippedAt: new Date(base + 3 * 86_400_000) },
      { ...batch[2], serviceId: otherService, aiAssisted: true },
      { ...batch[3], rolledBackAt: new Date(base + 86_400_000) },
      { ...batch[5], shippedAt: new Date(base) },
      { ...batch[7], authorId: seniorId },
    ]);
    const snapshot = () => db().$queryRaw<unknown[]>`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`;
    const incremental = await snapshot();
    await db().$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(incremental).toEqual(await snapshot());
  });

  it("refuses unknown or archived references with field errors by index, saving nothing", async () => {
    const archived = await createTestService(db(), { archived: true });
    const inactive = await createTestUser(db(), { active: false });
    const batch = [change(), change({ serviceId: archived.id }), change({ authorId: inactive.id, aiToolId: 999_999 })];
    const error = await ingestChanges(actor, batch).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.status).toBe(422);
    expect(isAppError(error) && error.fieldErrors).toEqual({
      "changes.1.serviceId": ["No active service with this id."],
      "changes.2.authorId": ["No active user with this id."],
      "changes.2.aiToolId": ["No AI tool in use with this id."],
    });
    expect(await db().change.count({ where: { externalId: batch[0].externalId } })).toBe(0);
  });
});
