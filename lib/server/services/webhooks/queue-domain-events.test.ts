import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OUTBOUND_EVENTS, type OutboundEvent } from "@/lib/domain/outbound-events";
import { integrationActor } from "@/lib/server/auth/actor";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { changeIncidentSeverity } from "@/lib/server/services/incidents/change-incident-severity";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { publishWeeklyReport } from "@/lib/server/services/reports/publish-weekly-report";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { enqueueOutboundEvent } from "./enqueue-event";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  process.env.NEXTAUTH_URL = "https://faultline.example/";
});
afterAll(() => database.dispose());

const db = () => database.connection.prisma;
async function subscribe(events: readonly OutboundEvent[] = OUTBOUND_EVENTS, active = true) {
  return db().outboundWebhook.create({
    data: { name: "Receiver", url: "http://127.0.0.1:9/hook", events: [...events], secret: "s3cret", active },
  });
}
const queued = (event?: string) =>
  db().outboundDelivery.findMany({ where: event ? { event } : {}, orderBy: { id: "asc" } });

beforeEach(async () => {
  await db().outboundWebhook.deleteMany();
});

describe("incident.declared", () => {
  it("is queued for Sev1 and Sev2 with the incident's facts and a stable id, not for Sev3 or Sev4", async () => {
    const hook = await subscribe();
    const actor = await createTestUser(db());
    const service = await createTestService(db());
    const input = { impactStartedAt: new Date(), serviceIds: [service.id] };
    const sev1 = await declareIncident({ actor, input: { ...input, title: "Checkout down", severity: "SEV1" } });
    const sev2 = await declareIncident({ actor, input: { ...input, title: "Search slow", severity: "SEV2" } });
    await declareIncident({ actor, input: { ...input, title: "Typo", severity: "SEV3" } });
    await declareIncident({ actor, input: { ...input, title: "Logo", severity: "SEV4" } });

    const deliveries = await queued();
    expect(deliveries.map((d) => d.eventId)).toEqual([`incident-${sev1.id}-declared`, `incident-${sev2.id}-declared`]);
    expect(deliveries[0]).toMatchObject({
      webhookId: hook.id,
      event: "incident.declared",
      status: "PENDING",
      attempts: 0,
    });
    expect(deliveries[0].payload).toMatchObject({
      id: `incident-${sev1.id}-declared`,
      event: "incident.declared",
      data: {
        incident: {
          id: sev1.id,
          title: "Checkout down",
          severity: "SEV1",
          severityLabel: "Sev1",
          status: "INVESTIGATING",
          services: [{ id: service.id, name: service.name }],
          url: `https://faultline.example/incidents/${sev1.id}`,
        },
        declaredBy: { id: actor.id, name: actor.name },
      },
    });
  });

  it("is not queued for inactive webhooks or webhooks listening to other events", async () => {
    await subscribe(OUTBOUND_EVENTS, false);
    await subscribe(["report.published"]);
    const actor = await createTestUser(db());
    const service = await createTestService(db());
    await declareIncident({
      actor,
      input: { title: "Checkout down", severity: "SEV1", impactStartedAt: new Date(), serviceIds: [service.id] },
    });
    expect(await queued()).toEqual([]);
  });
});

describe("incident.severity_raised", () => {
  it("is queued when the severity rises (one per change, keyed by the timeline event), never when it is lowered", async () => {
    await subscribe(["incident.severity_raised"]);
    const actor = await createTestUser(db());
    const service = await createTestService(db());
    const { id } = await declareIncident({
      actor,
      input: { title: "Errors", severity: "SEV3", impactStartedAt: new Date(), serviceIds: [service.id] },
    });
    await changeIncidentSeverity({
      actor,
      input: { incidentId: id, version: 1, severity: "SEV4", reason: "Internal only" },
    });
    expect(await queued()).toEqual([]);
    await changeIncidentSeverity({
      actor,
      input: { incidentId: id, version: 2, severity: "SEV2", reason: "Customers affected" },
    });
    await changeIncidentSeverity({
      actor,
      input: { incidentId: id, version: 3, severity: "SEV1", reason: "Checkout down" },
    });

    const deliveries = await queued();
    expect(deliveries).toHaveLength(2);
    const events = await db().timelineEvent.findMany({
      where: { incidentId: id, kind: "SEVERITY_CHANGED" },
      orderBy: { id: "asc" },
    });
    expect(deliveries.map((d) => d.eventId)).toEqual([
      `incident-${id}-severity-${events[1].id}`,
      `incident-${id}-severity-${events[2].id}`,
    ]);
    expect(deliveries[0].payload).toMatchObject({
      data: {
        from: "SEV4",
        to: "SEV2",
        reason: "Customers affected",
        incident: { id, severity: "SEV2" },
        changedBy: { id: actor.id },
      },
    });
  });
});

describe("change.policy_violation_shipped", () => {
  it("is queued when a change that needs approval is registered already shipped, with author level and AI tool", async () => {
    await subscribe(["change.policy_violation_shipped"]);
    const registrar = await createTestUser(db(), { role: "MANAGER", level: "SENIOR" });
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    const senior = await createTestUser(db(), { level: "SENIOR" });
    const service = await createTestService(db());
    const tool = await db().aiTool.create({ data: { name: `Agent ${Date.now()}`, slug: `agent-${Date.now()}` } });
    const base = {
      kind: "DEPLOY" as const,
      serviceId: service.id,
      repository: "acme/shop",
      externalId: null,
      externalUrl: null,
      aiAssisted: true,
      aiToolId: tool.id,
      aiInvolvement: "AGENT_AUTHORED" as const,
    };

    const violation = await registerChange({
      actor: registrar,
      input: { ...base, title: "Shipped without review", authorId: junior.id, shippedAt: new Date() },
    });
    await registerChange({
      actor: registrar,
      input: { ...base, title: "Not shipped yet", authorId: junior.id, shippedAt: null },
    });
    await registerChange({
      actor: registrar,
      input: { ...base, title: "Senior needs no approval", authorId: senior.id, shippedAt: new Date() },
    });
    await registerChange({
      actor: registrar,
      input: {
        ...base,
        title: "No AI",
        authorId: junior.id,
        shippedAt: new Date(),
        aiAssisted: false,
        aiToolId: null,
        aiInvolvement: null,
      },
    });

    const deliveries = await queued();
    expect(deliveries.map((d) => d.eventId)).toEqual([`change-${violation.id}-violation-shipped`]);
    expect(deliveries[0].payload).toMatchObject({
      event: "change.policy_violation_shipped",
      data: {
        change: {
          id: violation.id,
          title: "Shipped without review",
          approvalState: "PENDING",
          repository: "acme/shop",
          url: `https://faultline.example/changes/${violation.id}`,
        },
        service: { id: service.id, name: service.name },
        author: { id: junior.id, name: junior.name },
        authorLevel: "JUNIOR",
        aiTool: { id: tool.id, name: tool.name },
        aiInvolvement: "AGENT_AUTHORED",
      },
    });
  });
});

describe("report.published", () => {
  it("is queued with the week and links to the page and the frozen files", async () => {
    await subscribe(["report.published"]);
    const manager = await createTestUser(db(), { role: "MANAGER", level: "SENIOR" });
    const { id } = await publishWeeklyReport({
      actor: manager,
      input: { week: "2026-W47" },
      timeZone: "UTC",
      organisation: "Acme",
      baseUrl: "https://faultline.example",
    });
    const [delivery] = await queued();
    expect(delivery.eventId).toBe(`report-2026-W47-publication-${id}`);
    expect(delivery.payload).toMatchObject({
      data: {
        week: "2026-W47",
        publicationId: id,
        publishedBy: { id: manager.id },
        url: "https://faultline.example/reports/weekly/2026-W47",
        files: { pdf: `https://faultline.example/reports/weekly/2026-W47/export?format=pdf&published=${id}` },
      },
    });
  });
});

describe("enqueueOutboundEvent", () => {
  it("queues nothing when the causing transaction rolls back, and never the same event twice for a webhook", async () => {
    await subscribe();
    await expect(
      db().$transaction(async (tx) => {
        await enqueueOutboundEvent(tx, { event: "incident.declared", eventId: "incident-999-declared", data: {} });
        throw new Error("the write that caused it failed");
      }),
    ).rejects.toThrow("the write that caused it failed");
    expect(await queued()).toEqual([]);

    const actor = await createTestUser(db(), { role: "MANAGER" });
    const service = await createTestService(db());
    await expect(
      declareIncident({
        actor,
        input: { title: "Refused", severity: "SEV1", impactStartedAt: new Date(), serviceIds: [service.id] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await queued()).toEqual([]);

    for (let i = 0; i < 2; i++)
      await db().$transaction((tx) =>
        enqueueOutboundEvent(tx, { event: "report.published", eventId: "report-2026-W01-publication-1", data: {} }),
      );
    expect(await queued()).toHaveLength(1);
  });
});

describe("change.approval_needed", () => {
  it("is queued once per waiting change of a CI batch, never for one that arrived shipped, and not again on a retry", async () => {
    await subscribe(["change.approval_needed"]);
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    const service = await createTestService(db());
    const tool = await db().aiTool.create({ data: { name: `Bot ${Date.now()}`, slug: `bot-${Date.now()}` } });
    const item = (n: number, shippedAt: Date | null) => ({
      source: "ci",
      externalId: `batch-${Date.now()}-${n}`,
      kind: "DEPLOY" as const,
      title: `Batch change ${n}`,
      serviceId: service.id,
      authorId: junior.id,
      aiAssisted: true,
      aiToolId: tool.id,
      aiInvolvement: "AGENT_AUTHORED" as const,
      shippedAt,
    });
    const batch = [item(1, null), item(2, null), item(3, new Date()), item(4, null)];
    const ci = integrationActor("API token ci", null);
    const outcomes = await ingestChanges(ci, batch);
    await ingestChanges(ci, batch); // a CI retry of the same batch

    const deliveries = await queued("change.approval_needed");
    const waiting = outcomes.filter((o) => o.change.shippedAt === null);
    expect(deliveries.map((d) => d.eventId).sort()).toEqual(
      waiting.map((o) => `change-${o.id}-approval-needed-v1`).sort(),
    );
    expect(deliveries).toHaveLength(3);
    const first = deliveries.find((d) => d.eventId === `change-${waiting[0].id}-approval-needed-v1`)!;
    expect(first.payload).toMatchObject({
      data: { change: { id: waiting[0].id, title: "Batch change 1" }, authorLevel: "JUNIOR", aiTool: { id: tool.id } },
    });
  });
});
