import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookReceiver, verifyFaultlineSignature } from "@/lib/server/testing/webhook-receiver";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { enqueueOutboundEvent } from "./enqueue-event";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

const db = () => database.connection.prisma;
const receivers: Array<{ close: () => Promise<void> }> = [];
beforeEach(async () => {
  await db().outboundWebhook.deleteMany();
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}
async function webhook(url: string, options: { active?: boolean; secret?: string } = {}) {
  return db().outboundWebhook.create({
    data: {
      name: "Receiver",
      url,
      events: ["incident.declared"],
      secret: options.secret ?? "whsec_test",
      active: options.active ?? true,
    },
  });
}
async function queue(eventId: string) {
  await db().$transaction((tx) =>
    enqueueOutboundEvent(tx, {
      event: "incident.declared",
      eventId,
      data: { incident: { id: 1, title: "Checkout down" } },
    }),
  );
}
const delivery = (eventId: string) =>
  db().outboundDelivery.findFirstOrThrow({ where: { eventId }, include: { attemptLog: { orderBy: { id: "asc" } } } });
/** Makes a scheduled retry due now, instead of sleeping through the backoff. */
const makeDue = (eventId: string) =>
  db().outboundDelivery.updateMany({ where: { eventId }, data: { nextAttemptAt: new Date() } });

describe("deliverDueWebhooks", () => {
  it("POSTs the payload once with the event headers and a signature that verifies with the webhook's secret", async () => {
    const target = await receiver();
    await webhook(target.url, { secret: "whsec_known" });
    await queue("incident-1-declared");

    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "x-faultline-event": "incident.declared",
      "x-faultline-delivery": "incident-1-declared",
    });
    expect(Math.abs(Number(request.headers["x-faultline-timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    expect(request.headers["x-faultline-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyFaultlineSignature(request, "whsec_known")).toBe(true);
    expect(verifyFaultlineSignature(request, "whsec_other")).toBe(false);
    expect(
      verifyFaultlineSignature({ ...request, body: request.body.replace("Checkout", "Checkin") }, "whsec_known"),
    ).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({
      id: "incident-1-declared",
      event: "incident.declared",
      data: { incident: { title: "Checkout down" } },
    });

    const row = await delivery("incident-1-declared");
    expect(row).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      lockedUntil: null,
    });
    expect(row.deliveredAt).not.toBeNull();
    expect(row.attemptLog).toHaveLength(1);
    expect(row.attemptLog[0]).toMatchObject({ status: 200, error: null });
    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 0 });
    expect(target.received).toHaveLength(1);
  });

  it("retries after a 500 with exponential backoff, then succeeds", async () => {
    const target = await receiver((_request, index) => ({ status: index < 2 ? 500 : 204 }));
    await webhook(target.url);
    await queue("incident-2-declared");

    const first = Date.now();
    expect(await deliverDueWebhooks({ backoffBaseMs: 60_000 })).toMatchObject({ claimed: 1, retrying: 1 });
    let row = await delivery("incident-2-declared");
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 500 });
    const wait1 = row.nextAttemptAt.getTime() - first;
    expect(wait1).toBeGreaterThanOrEqual(48_000); // 60 s ± 20 % jitter
    expect(wait1).toBeLessThanOrEqual(73_000);
    expect(await deliverDueWebhooks({ backoffBaseMs: 60_000 })).toMatchObject({ claimed: 0 }); // not due yet

    await makeDue("incident-2-declared");
    const second = Date.now();
    await deliverDueWebhooks({ backoffBaseMs: 60_000 });
    row = await delivery("incident-2-declared");
    const wait2 = row.nextAttemptAt.getTime() - second;
    expect(wait2).toBeGreaterThanOrEqual(96_000); // doubled: 120 s ± 20 %
    expect(wait2).toBeLessThanOrEqual(145_000);

    await makeDue("incident-2-declared");
    expect(await deliverDueWebhooks({ backoffBaseMs: 60_000 })).toMatchObject({ delivered: 1 });
    row = await delivery("incident-2-declared");
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatus: 204 });
    expect(row.attemptLog.map((a) => a.status)).toEqual([500, 500, 204]);
    expect(target.received.map((r) => r.headers["x-faultline-delivery"])).toEqual([
      "incident-2-declared",
      "incident-2-declared",
      "incident-2-declared",
    ]);
  });

  it("waits as long as a 429's Retry-After says, instead of the backoff", async () => {
    const target = await receiver((_request, index) =>
      index === 0 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 },
    );
    await webhook(target.url);
    await queue("incident-3-declared");

    await deliverDueWebhooks({ backoffBaseMs: 10 });
    const row = await delivery("incident-3-declared");
    expect(row).toMatchObject({ status: "PENDING", lastStatus: 429 });
    expect(row.nextAttemptAt.getTime() - row.attemptLog[0].at.getTime()).toBeGreaterThanOrEqual(2000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the 10 ms backoff would be over by now
    expect(await deliverDueWebhooks({ backoffBaseMs: 10 })).toMatchObject({ claimed: 0 });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, row.nextAttemptAt.getTime() - Date.now()) + 50));
    expect(await deliverDueWebhooks({ backoffBaseMs: 10 })).toMatchObject({ delivered: 1 });
    expect(target.received).toHaveLength(2);
    expect(target.received[1].at - target.received[0].at).toBeGreaterThanOrEqual(2000);
  });

  it("gives up after the last attempt and marks the delivery FAILED with every attempt logged", async () => {
    const target = await receiver(() => ({ status: 503 }));
    await webhook(target.url);
    await queue("incident-4-declared");
    for (let i = 0; i < 3; i++) {
      await makeDue("incident-4-declared");
      await deliverDueWebhooks({ maxAttempts: 3, backoffBaseMs: 10 });
    }
    const row = await delivery("incident-4-declared");
    expect(row).toMatchObject({
      status: "FAILED",
      attempts: 3,
      lastStatus: 503,
      lastError: "Gave up after 3 attempts",
    });
    expect(row.attemptLog).toHaveLength(3);
    await makeDue("incident-4-declared");
    expect(await deliverDueWebhooks({ maxAttempts: 3 })).toMatchObject({ claimed: 0 });
    expect(target.received).toHaveLength(3);
  });

  it("fails at once on a 4xx refusal, and retries network errors and timeouts", async () => {
    const refusing = await receiver(() => ({ status: 410 }));
    const slow = await receiver(() => ({ status: 200, delayMs: 1500 }));
    const closed = await receiver();
    await closed.close();
    for (const [url, eventId] of [
      [refusing.url, "e-refused"],
      [slow.url, "e-slow"],
      [closed.url, "e-closed"],
    ]) {
      const hook = await webhook(url);
      await db().outboundDelivery.create({
        data: { webhookId: hook.id, event: "incident.declared", eventId, payload: {} },
      });
    }
    await deliverDueWebhooks({ timeoutMs: 300, backoffBaseMs: 60_000 });

    expect(await delivery("e-refused")).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastStatus: 410,
      lastError: "Refused by the receiver: not retried",
    });
    expect(await delivery("e-slow")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatus: null,
      lastError: "No answer within 0.3 s",
    });
    const closedRow = await delivery("e-closed");
    expect(closedRow).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: null });
    expect(closedRow.lastError).toMatch(/ECONNREFUSED/);
    expect(closedRow.attemptLog[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it("sends nothing to a deactivated webhook; its queued deliveries wait for reactivation", async () => {
    const target = await receiver();
    const hook = await webhook(target.url);
    await queue("incident-5-declared");
    await db().outboundWebhook.update({ where: { id: hook.id }, data: { active: false } });
    await queue("incident-6-declared"); // not queued at all: inactive
    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 0 });
    expect(target.received).toHaveLength(0);
    expect(await db().outboundDelivery.count({ where: { webhookId: hook.id } })).toBe(1);

    await db().outboundWebhook.update({ where: { id: hook.id }, data: { active: true } });
    expect(await deliverDueWebhooks()).toMatchObject({ delivered: 1 });
    expect(target.received.map((r) => r.headers["x-faultline-delivery"])).toEqual(["incident-5-declared"]);
  });

  it("never lets two concurrent workers deliver the same delivery twice", async () => {
    const target = await receiver(() => ({ status: 200, delayMs: 20 }));
    await webhook(target.url);
    const ids = Array.from({ length: 40 }, (_, i) => `incident-${100 + i}-declared`);
    for (const id of ids) await queue(id);

    const reports = await Promise.all([1, 2, 3, 4].map(() => deliverDueWebhooks({ limit: 25 })));
    const claimed = reports.reduce((sum, r) => sum + r.claimed, 0);
    let rest = await deliverDueWebhooks({ limit: 100 });
    while (rest.claimed > 0) rest = await deliverDueWebhooks({ limit: 100 });

    expect(claimed).toBeLessThanOrEqual(ids.length);
    expect(reports.filter((r) => r.claimed > 0).length).toBeGreaterThanOrEqual(2); // the workers really shared the queue
    const sent = target.received.map((r) => String(r.headers["x-faultline-delivery"]));
    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent)).toEqual(new Set(ids));
    expect(await db().outboundDelivery.count({ where: { status: "SUCCEEDED", attempts: 1 } })).toBe(ids.length);
    expect(await db().outboundDeliveryAttempt.count({ where: { delivery: { eventId: { in: ids } } } })).toBe(
      ids.length,
    );
  });

  it("leaves a delivery claimed by a live worker alone, and takes it over once the claim expires", async () => {
    const target = await receiver();
    await webhook(target.url);
    await queue("incident-7-declared");
    await db().outboundDelivery.updateMany({
      where: { eventId: "incident-7-declared" },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 0 });
    await db().outboundDelivery.updateMany({
      where: { eventId: "incident-7-declared" },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await deliverDueWebhooks()).toMatchObject({ delivered: 1 });
  });
});
