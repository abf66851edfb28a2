import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { alertmanagerPayload, deploymentStatusPayload } from "../../lib/server/testing/webhook-payloads";
import { DEMO, signIn } from "../support/auth";
import { withDb } from "../support/db";
import { createIntegrationInDb, githubSignature } from "../support/webhooks";

// Real HTTP against the running server (next start) and its database.
test.describe("inbound webhooks over HTTP", () => {
  let slug: string;
  test.beforeAll(async () => {
    slug = await withDb(
      async (client) =>
        (
          await client.query<{ slug: string }>(
            `SELECT slug FROM "Service" WHERE "archivedAt" IS NULL ORDER BY id LIMIT 1`,
          )
        ).rows[0].slug,
    );
  });

  test("GitHub: ping, a deployment, a retry and a malformed body", async ({ request }) => {
    const github = await createIntegrationInDb("GITHUB", {
      repositories: { "acme/checkout": slug },
      defaultService: null,
    });
    const post = (event: string, body: string, delivery = randomUUID(), secret = github.secret) =>
      request.post(`/api/v1/webhooks/github/${github.id}`, {
        data: Buffer.from(body),
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": delivery,
          "x-hub-signature-256": githubSignature(secret, body),
        },
      });

    expect((await post("ping", JSON.stringify({ zen: "Design for failure." }))).status()).toBe(200);
    const deploymentId = Date.now() % 1_000_000_000;
    const body = JSON.stringify(deploymentStatusPayload({ deploymentId, createdAt: new Date().toISOString() }));
    const delivery = randomUUID();
    const first = await post("deployment_status", body, delivery);
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({
      status: "processed",
      result: { externalId: `acme/checkout@deployment-${deploymentId}`, outcome: "created" },
    });
    expect(await (await post("deployment_status", body, delivery)).json()).toMatchObject({ status: "duplicate" });

    const malformed = await post("pull_request", "{not json");
    expect(malformed.status()).toBe(400);
    expect(malformed.headers()["content-type"]).toContain("application/problem+json");
    expect(await malformed.json()).toMatchObject({ status: 400, detail: expect.stringContaining("not valid JSON") });
  });

  test("Alertmanager: firing opens an incident, a repeat does not, resolved mitigates, a wrong bearer is refused", async ({
    request,
    page,
  }) => {
    const am = await createIntegrationInDb("ALERTMANAGER", { defaultService: slug });
    const groupKey = `{}:{alertname="E2E${Date.now()}"}`;
    const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const alert = { alertname: "CheckoutErrorRate", fingerprint: "e2e01", severity: "critical", startsAt };
    const post = (payload: unknown, token = am.secret) =>
      request.post(`/api/v1/webhooks/alertmanager/${am.id}`, {
        data: payload,
        headers: { authorization: `Bearer ${token}` },
      });

    expect((await post(alertmanagerPayload({ groupKey, alerts: [alert] }), "wrong")).status()).toBe(401);
    const firing = await post(
      alertmanagerPayload({ groupKey, alerts: [alert], summary: "Checkout error rate above 5% (e2e)" }),
    );
    expect(firing.status()).toBe(200);
    const { result } = await firing.json();
    expect(result).toMatchObject({ outcome: "declared" });
    expect(
      await (
        await post(alertmanagerPayload({ groupKey, alerts: [alert], summary: "Checkout error rate above 5% (e2e)" }))
      ).json(),
    ).toMatchObject({ status: "duplicate" });
    const resolved = await post(
      alertmanagerPayload({ groupKey, status: "resolved", alerts: [{ ...alert, endsAt: new Date().toISOString() }] }),
    );
    expect(await resolved.json()).toMatchObject({ result: { outcome: "mitigated", incidentId: result.incidentId } });
    const incident = await withDb(
      async (client) =>
        (
          await client.query(`SELECT severity, status, "mitigatedAt" FROM "Incident" WHERE id = $1`, [
            result.incidentId,
          ])
        ).rows[0],
    );
    expect(incident).toMatchObject({ severity: "SEV1", status: "MONITORING" });
    expect(incident.mitigatedAt).not.toBeNull();

    await signIn(page, DEMO.admin);
    await page.goto(`/incidents/${result.incidentId}`);
    await expect(page.getByRole("heading", { name: "Checkout error rate above 5% (e2e)" })).toBeVisible();
    await expect(page.getByText(`Declared as Sev1 by Alertmanager integration ${am.name}`)).toBeVisible();
    await expect(page.getByText(/Alertmanager reports the alert group resolved/)).toBeVisible();
    await page.screenshot({ path: "/tmp/inbound-incident.png", fullPage: true });
  });
});
