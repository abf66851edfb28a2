import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrThrow } from "@/lib/server/validation";
import { createOutboundWebhookSchema, updateOutboundWebhookSchema } from "@/lib/schemas/outbound-webhook";
import { createTestUser } from "@/lib/server/testing/factories";
import { startWebhookReceiver, verifyFaultlineSignature } from "@/lib/server/testing/webhook-receiver";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { listOutboundWebhooks } from "@/lib/server/queries/webhooks/list-outbound-webhooks";
import { getOutboundWebhook } from "@/lib/server/queries/webhooks/get-outbound-webhook";
import { createOutboundWebhook } from "./create-outbound-webhook";
import { deleteOutboundWebhook } from "./delete-outbound-webhook";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { redeliverWebhook } from "./redeliver-webhook";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendTestWebhook } from "./send-test-webhook";
import { updateOutboundWebhook } from "./update-outbound-webhook";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());
const db = () => database.connection.prisma;

describe("webhook input", () => {
  it("accepts http(s) URLs only and needs at least one known event, with a message per field", () => {
    expect(
      parseOrThrow(createOutboundWebhookSchema, {
        name: "Chat bridge",
        url: " https://hooks.example.com/x ",
        events: ["incident.declared"],
      }).url,
    ).toBe("https://hooks.example.com/x");
    for (const url of [
      "ftp://example.com",
      "hooks.example.com",
      "javascript:alert(1)",
      "https://user:pw@example.com/x",
      "",
    ]) {
      expect(() =>
        parseOrThrow(createOutboundWebhookSchema, { name: "Chat bridge", url, events: ["incident.declared"] }),
      ).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { url: [expect.any(String)] } }));
    }
    expect(() =>
      parseOrThrow(createOutboundWebhookSchema, { name: "Chat bridge", url: "https://x.example", events: [] }),
    ).toThrow(expect.objectContaining({ fieldErrors: { events: ["Pick at least one event."] } }));
    expect(() =>
      parseOrThrow(createOutboundWebhookSchema, { name: "Chat bridge", url: "https://x.example", events: ["ping"] }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(
      parseOrThrow(updateOutboundWebhookSchema, {
        webhookId: "3",
        name: "Chat bridge",
        url: "http://x.example",
        events: ["report.published"],
      }).active,
    ).toBe(false);
  });
});

describe("managing outbound webhooks", () => {
  it("lets admins create, edit, rotate, test and delete; every step audited and no secret in any audit row", async () => {
    const admin = await createTestUser(db(), { role: "ADMIN" });
    const target = await startWebhookReceiver();
    try {
      const { id, secret } = await createOutboundWebhook({
        actor: admin,
        input: { name: "Chat bridge", url: target.url, events: ["incident.declared", "report.published"] },
      });
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const stored = await db().outboundWebhook.findUniqueOrThrow({ where: { id } });
      expect(stored).not.toHaveProperty("secret"); // omitted unless asked for by name
      expect(stored).toMatchObject({ name: "Chat bridge", active: true, createdById: admin.id });

      await updateOutboundWebhook({
        actor: admin,
        input: {
          webhookId: id,
          name: "Chat bridge 2",
          url: target.url,
          events: ["incident.severity_raised"],
          active: false,
        },
      });
      expect(await db().outboundWebhook.findUniqueOrThrow({ where: { id } })).toMatchObject({
        name: "Chat bridge 2",
        events: ["incident.severity_raised"],
        active: false,
      });

      const rotated = await rotateWebhookSecret({ actor: admin, input: { webhookId: id } });
      expect(rotated.secret).not.toBe(secret);

      // A test ping reaches an inactive webhook too: admins check the receiver before switching it on.
      await sendTestWebhook({ actor: admin, input: { webhookId: id } });
      expect(await deliverDueWebhooks()).toMatchObject({ delivered: 1 });
      await updateOutboundWebhook({
        actor: admin,
        input: {
          webhookId: id,
          name: "Chat bridge 2",
          url: target.url,
          events: ["incident.severity_raised"],
          active: true,
        },
      });
      expect(target.received).toHaveLength(1);
      expect(target.received[0].headers["x-faultline-event"]).toBe("ping");
      expect(verifyFaultlineSignature(target.received[0], rotated.secret)).toBe(true);
      expect(verifyFaultlineSignature(target.received[0], secret)).toBe(false);

      const [listed] = (await listOutboundWebhooks()).filter((h) => h.id === id);
      expect(await deliverDueWebhooks()).toMatchObject({ claimed: 0 });
      expect(listed).toMatchObject({
        name: "Chat bridge 2",
        active: true,
        pending: 0,
        failed: 0,
        last: { event: "ping", status: "SUCCEEDED", lastStatus: 200 },
      });
      expect(listed).not.toHaveProperty("secret");
      const detail = await getOutboundWebhook({ id });
      expect(detail?.hook).not.toHaveProperty("secret");
      expect(detail?.deliveries[0].attemptLog).toHaveLength(1);

      await deleteOutboundWebhook({ actor: admin, input: { webhookId: id } });
      expect(await db().outboundWebhook.count({ where: { id } })).toBe(0);
      expect(await db().outboundDelivery.count({ where: { webhookId: id } })).toBe(0);

      const audit = await db().auditLog.findMany({
        where: { entityType: "OutboundWebhook", entityId: String(id) },
        orderBy: { id: "asc" },
      });
      expect(audit.map((a) => a.action)).toEqual([
        "outbound_webhook.created",
        "outbound_webhook.updated",
        "outbound_webhook.secret_rotated",
        "outbound_webhook.test_sent",
        "outbound_webhook.updated",
        "outbound_webhook.deleted",
      ]);
      const auditText = JSON.stringify(audit);
      expect(auditText).not.toContain(secret);
      expect(auditText).not.toContain(rotated.secret);
      expect(auditText).not.toContain("whsec_");
    } finally {
      await target.close();
    }
  });

  it("redelivers only FAILED deliveries, with fresh attempts and the old log kept", async () => {
    const admin = await createTestUser(db(), { role: "ADMIN" });
    let up = false;
    const target = await startWebhookReceiver(() => ({ status: up ? 200 : 404 }));
    try {
      const { id } = await createOutboundWebhook({
        actor: admin,
        input: { name: "Flaky", url: target.url, events: ["incident.declared"] },
      });
      const { deliveryId } = await sendTestWebhook({ actor: admin, input: { webhookId: id } });
      await expect(redeliverWebhook({ actor: admin, input: { deliveryId } })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      await deliverDueWebhooks();
      expect(await db().outboundDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
        status: "FAILED",
        attempts: 1,
        lastStatus: 404,
      });

      up = true;
      expect(await redeliverWebhook({ actor: admin, input: { deliveryId } })).toEqual({
        webhookId: id,
        integrationId: null,
      });
      await deliverDueWebhooks();
      const row = await db().outboundDelivery.findUniqueOrThrow({
        where: { id: deliveryId },
        include: { attemptLog: true },
      });
      expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatus: 200 });
      expect(row.attemptLog.map((a) => a.status).sort()).toEqual([200, 404]);
      await expect(redeliverWebhook({ actor: admin, input: { deliveryId } })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      await expect(redeliverWebhook({ actor: admin, input: { deliveryId: 999_999 } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(
        await db().auditLog.count({ where: { action: "outbound_delivery.redelivered", entityId: String(deliveryId) } }),
      ).toBe(1);
    } finally {
      await target.close();
    }
  });

  it("refuses everyone but admins with a 403, and unknown webhooks with a 404", async () => {
    const manager = await createTestUser(db(), { role: "MANAGER", level: "SENIOR" });
    const engineer = await createTestUser(db(), { role: "ENGINEER", level: "SENIOR" });
    const admin = await createTestUser(db(), { role: "ADMIN" });
    for (const actor of [manager, engineer]) {
      await expect(
        createOutboundWebhook({
          actor,
          input: { name: "Nope", url: "https://x.example", events: ["incident.declared"] },
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(rotateWebhookSecret({ actor, input: { webhookId: 1 } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(sendTestWebhook({ actor, input: { webhookId: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteOutboundWebhook({ actor, input: { webhookId: 1 } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(redeliverWebhook({ actor, input: { deliveryId: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        updateOutboundWebhook({
          actor,
          input: { webhookId: 1, name: "Nope", url: "https://x.example", events: ["incident.declared"], active: true },
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const missing = { webhookId: 999_999 };
    await expect(rotateWebhookSecret({ actor: admin, input: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendTestWebhook({ actor: admin, input: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteOutboundWebhook({ actor: admin, input: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateOutboundWebhook({
        actor: admin,
        input: { ...missing, name: "Nope", url: "https://x.example", events: ["incident.declared"], active: true },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
