import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackDestinationSchema } from "@/lib/schemas/outbound-webhook";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { startSlackReceiver } from "@/lib/server/testing/slack-receiver";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { createSlackDestination } from "./create-slack-destination";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendTestWebhook } from "./send-test-webhook";
import { updateOutboundWebhook } from "./update-outbound-webhook";

process.env.NEXTAUTH_SECRET ??= "vitest-secret-for-sealing-tokens";
let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  process.env.NEXTAUTH_URL = "https://faultline.example/";
});
afterAll(() => database.dispose());
const db = () => database.connection.prisma;
const receivers: Array<{ close: () => Promise<void> }> = [];
async function receiver(options?: Parameters<typeof startSlackReceiver>[0]) {
  const started = await startSlackReceiver({ allowedLinks: "https://faultline.example/", ...options });
  receivers.push(started);
  return started;
}
beforeEach(async () => {
  await db().outboundWebhook.deleteMany();
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const HOSTILE = "<!channel> Checkout <https://evil.example|down> & broken\r\nX-Injected: 1";

async function slackSetup(events: string[] = ["incident.declared", "incident.mitigated", "incident.resolved"]) {
  const admin = await createTestUser(db(), { role: "ADMIN" });
  const target = await receiver();
  const input = createSlackDestinationSchema.parse({ name: "#incidents", url: target.url, events });
  const { id, maskedUrl } = await createSlackDestination({ actor: admin, input });
  return { admin, target, id, maskedUrl };
}

describe("Slack destinations", () => {
  it("keep the URL sealed: the row holds a masked copy, the secret column never the URL in clear", async () => {
    const { id, maskedUrl, target } = await slackSetup();
    const row = await db().outboundWebhook.findUniqueOrThrow({
      where: { id },
      select: { url: true, secret: true, kind: true },
    });
    expect(row.kind).toBe("SLACK");
    expect(row.url).toBe(maskedUrl);
    expect(row.url).not.toContain("XXXXSECRET");
    expect(row.url.endsWith("CRET")).toBe(true);
    expect(row.secret).not.toContain("XXXXSECRET");
    expect(row.secret.startsWith("v1.")).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "outbound_webhook.created" } });
    expect(JSON.stringify(audit)).not.toContain("XXXXSECRET");
    expect(target.url).toContain("XXXXSECRET");
  });

  it("post a Block Kit message Slack accepts for a declared Sev1 with a hostile title, unsigned", async () => {
    const { admin, target } = await slackSetup();
    const service = await createTestService(db());
    await declareIncident({
      actor: admin,
      input: { title: HOSTILE, severity: "SEV1", impactStartedAt: new Date(), serviceIds: [service.id] },
    });
    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(target.requests).toHaveLength(1);
    const [request] = target.requests;
    expect(request.problems).toEqual([]);
    expect(request.headers["x-faultline-signature"]).toBeUndefined();
    expect(request.body).not.toContain("<!channel>");
    expect(request.body).not.toContain("<https://evil");
    expect(request.body).toContain("&lt;!channel&gt;");
    expect((request.json as { text: string }).text).toContain("Sev1 declared");
  });

  it("announce mitigated and resolved for Sev1/Sev2 only", async () => {
    const { admin, target } = await slackSetup();
    const service = await createTestService(db());
    const base = { impactStartedAt: new Date(), serviceIds: [service.id] };
    const sev2 = await declareIncident({ actor: admin, input: { ...base, title: "Search slow", severity: "SEV2" } });
    const sev3 = await declareIncident({ actor: admin, input: { ...base, title: "Typo", severity: "SEV3" } });
    await updateIncidentStatus({
      actor: admin,
      input: { incidentId: sev2.id, version: 1, status: "MONITORING", note: "" },
    });
    await updateIncidentStatus({
      actor: admin,
      input: { incidentId: sev2.id, version: 2, status: "RESOLVED", note: "" },
    });
    await updateIncidentStatus({
      actor: admin,
      input: { incidentId: sev3.id, version: 1, status: "RESOLVED", note: "" },
    });
    await deliverDueWebhooks();
    const texts = target.requests.map((r) => (r.json as { text: string }).text).sort();
    expect(texts).toEqual(["Sev2 declared: Search slow", "Sev2 mitigated: Search slow", "Sev2 resolved: Search slow"]);
    expect(target.requests.flatMap((r) => r.problems)).toEqual([]);
  });

  it("send a test message on demand, and a refused message (Slack's 400) fails without retrying", async () => {
    const { admin, id, target } = await slackSetup();
    await sendTestWebhook({ actor: admin, input: { webhookId: id } });
    expect(await deliverDueWebhooks()).toMatchObject({ delivered: 1 });
    expect((target.requests[0].json as { text: string }).text).toContain("Test message from Faultline");

    const refusing = await receiver({ status: () => 400 });
    await updateOutboundWebhook({
      actor: admin,
      input: { webhookId: id, name: "#incidents", url: refusing.url, events: ["incident.declared"], active: true },
    });
    await sendTestWebhook({ actor: admin, input: { webhookId: id } });
    expect(await deliverDueWebhooks()).toMatchObject({ failed: 1 });
    expect(refusing.requests).toHaveLength(1);
  });

  it("keep the URL when the form sends the masked copy back, replace it when a new one is pasted", async () => {
    const { admin, id, maskedUrl, target } = await slackSetup();
    await updateOutboundWebhook({
      actor: admin,
      input: { webhookId: id, name: "#ops", url: maskedUrl, events: ["incident.declared"], active: true },
    });
    await sendTestWebhook({ actor: admin, input: { webhookId: id } });
    await deliverDueWebhooks();
    expect(target.requests).toHaveLength(1);
  });

  it("cannot be created by a non-admin, nor rotated like a signed webhook", async () => {
    const engineer = await createTestUser(db(), { role: "ENGINEER" });
    const input = createSlackDestinationSchema.parse({
      name: "#xyz",
      url: "https://hooks.slack.com/services/T/B/C",
      events: ["incident.declared"],
    });
    await expect(createSlackDestination({ actor: engineer, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { admin, id } = await slackSetup();
    await expect(rotateWebhookSecret({ actor: admin, input: { webhookId: id } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuse bad input with a message that says what to do", () => {
    const bad = (url: string, events: string[] = ["incident.declared"]) =>
      createSlackDestinationSchema.safeParse({ name: "#incidents", url, events });
    expect(bad("").error?.issues[0].message).toMatch(/Paste the incoming-webhook URL/);
    expect(bad("hooks.slack.com/services/x").error?.issues[0].message).toMatch(/Paste the whole URL/);
    expect(bad("javascript:alert(1)").success).toBe(false);
    expect(bad("https://user:pw@hooks.slack.com/x").success).toBe(false);
    expect(bad(`https://hooks.slack.com/${"a".repeat(3000)}`).success).toBe(false);
    expect(bad("https://hooks.slack.com/services/x", ["everything"]).success).toBe(false);
    expect(bad("https://hooks.slack.com/services/x", []).success).toBe(false);
  });
});
