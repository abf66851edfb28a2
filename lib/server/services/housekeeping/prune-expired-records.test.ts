import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/connection";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/server/services/webhooks/webhook-worker";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { pruneExpiredRecords, retentionSettings, type RetentionSettings } from "./prune-expired-records";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
});
afterAll(async () => {
  await stopWebhookWorker();
  await database.dispose();
});

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

/** `old` rows of every kind past a 30-day / 24-hour retention, and rows that must survive. */
async function seed(tag: string, old: number) {
  const integration = await db.integration.create({ data: { kind: "GITHUB", name: `gh-${tag}`, secret: "s" } });
  const webhook = await db.outboundWebhook.create({
    data: { name: `wh-${tag}`, url: "http://receiver.test/", events: ["incident.declared"], secret: "s" },
  });
  for (let i = 0; i < old; i += 1) {
    await db.processedDelivery.create({
      data: { integrationId: integration.id, deliveryKey: `old-${i}`, event: "push", processedAt: daysAgo(31) },
    });
    const delivery = await db.outboundDelivery.create({
      data: {
        webhookId: webhook.id,
        event: "incident.declared",
        eventId: `old-${i}`,
        payload: {},
        status: i % 2 ? "SUCCEEDED" : "FAILED",
        createdAt: daysAgo(40),
      },
    });
    await db.outboundDeliveryAttempt.create({ data: { deliveryId: delivery.id, at: daysAgo(39), durationMs: 5 } });
    await db.rateLimit.create({ data: { key: `api:${tag}-${i}`, count: 3, windowStart: hoursAgo(25) } });
  }
  await db.processedDelivery.create({
    data: { integrationId: integration.id, deliveryKey: "recent", event: "push", processedAt: daysAgo(29) },
  });
  // Kept: still pending however old; redelivered recently (an attempt inside the retention).
  await db.outboundDelivery.create({
    data: {
      webhookId: webhook.id,
      event: "incident.declared",
      eventId: "pending",
      payload: {},
      createdAt: daysAgo(40),
    },
  });
  const redelivered = await db.outboundDelivery.create({
    data: {
      webhookId: webhook.id,
      event: "incident.declared",
      eventId: "redelivered",
      payload: {},
      status: "SUCCEEDED",
      createdAt: daysAgo(40),
    },
  });
  await db.outboundDeliveryAttempt.create({ data: { deliveryId: redelivered.id, at: daysAgo(2), durationMs: 5 } });
  // Kept: a current window, and an old window that still blocks sign-in.
  await db.rateLimit.create({ data: { key: `api:${tag}-now`, count: 1, windowStart: new Date() } });
  await db.rateLimit.create({
    data: { key: `login:${tag}@example.test`, count: 9, windowStart: hoursAgo(30), blockedUntil: hoursAgo(-1) },
  });
  return { integration, webhook };
}

async function remaining(tag: string, ids: { integration: { id: number }; webhook: { id: number } }) {
  return {
    processed: (await db.processedDelivery.findMany({ where: { integrationId: ids.integration.id } })).map(
      (row) => row.deliveryKey,
    ),
    outbound: (
      await db.outboundDelivery.findMany({ where: { webhookId: ids.webhook.id }, orderBy: { eventId: "asc" } })
    ).map((row) => row.eventId),
    rateLimits: (await db.rateLimit.findMany({ where: { key: { contains: tag } }, orderBy: { key: "asc" } })).map(
      (row) => row.key,
    ),
  };
}

describe("retention", () => {
  it("reads its settings from the environment, with floors against a misconfiguration", () => {
    expect(retentionSettings(env({}))).toMatchObject({ deliveryDays: 30, rateLimitHours: 24, batchSize: 1000 });
    const custom = retentionSettings(
      env({
        FAULTLINE_RETENTION_DELIVERY_DAYS: "7",
        FAULTLINE_RETENTION_RATE_LIMIT_HOURS: "0.01",
        FAULTLINE_RETENTION_BATCH: "abc",
      }),
    );
    expect(custom).toMatchObject({ deliveryDays: 7, rateLimitHours: 1, batchSize: 1000 });
  });

  it("deletes only what is past retention, in bounded batches, with attempts; four instances at once count each row once", async () => {
    const old = 9;
    const ids = await seed("prune", old);
    const attemptsBefore = await db.outboundDeliveryAttempt.count({
      where: { delivery: { webhookId: ids.webhook.id } },
    });
    expect(attemptsBefore).toBe(old + 1);
    const settings: RetentionSettings = { ...retentionSettings(env({})), batchSize: 2, maxBatches: 2 };
    // One run is bounded: at most batchSize × maxBatches rows per table.
    const first = await pruneExpiredRecords(settings);
    expect(first).toMatchObject({ processedDeliveries: 4, outboundDeliveries: 4, rateLimits: 4 });
    // The rest by four "instances" at once: every old row deleted exactly once, no errors.
    const reports = await Promise.all(
      Array.from({ length: 4 }, () => pruneExpiredRecords({ ...settings, maxBatches: 10 })),
    );
    const sum = (key: keyof typeof first) => reports.reduce((total, report) => total + report[key], first[key]);
    expect([sum("processedDeliveries"), sum("outboundDeliveries"), sum("rateLimits")]).toEqual([old, old, old]);

    expect(await remaining("prune", ids)).toEqual({
      processed: ["recent"],
      outbound: ["pending", "redelivered"],
      rateLimits: ["api:prune-now", "login:prune@example.test"],
    });
    expect(await db.outboundDeliveryAttempt.count({ where: { delivery: { webhookId: ids.webhook.id } } })).toBe(1);
  });

  it("is run by the webhook worker", async () => {
    const ids = await seed("worker", 3);
    startWebhookWorker(env({ FAULTLINE_WEBHOOK_POLL_MS: "50" }));
    const deadline = Date.now() + 20_000;
    while ((await remaining("worker", ids)).processed.length > 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await stopWebhookWorker();
    expect(await remaining("worker", ids)).toEqual({
      processed: ["recent"],
      outbound: ["pending", "redelivered"],
      rateLimits: ["api:worker-now", "login:worker@example.test"],
    });
  });
});
