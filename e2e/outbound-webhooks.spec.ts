import { expect, test, type Page } from "@playwright/test";
import { startWebhookReceiver, verifyFaultlineSignature } from "../lib/server/testing/webhook-receiver";
import { DEMO, signIn } from "./support/auth";
import { declareIncident } from "./support/forms";

async function registerWebhook(page: Page, options: { name: string; url: string; events: string[] }): Promise<string> {
  await page.goto("/admin/webhooks");
  const form = page.getByRole("form", { name: "Register a webhook" });
  await form.getByLabel("Name").fill(options.name);
  await form.getByLabel("Payload URL").fill(options.url);
  for (const event of options.events) await form.getByLabel(event).check();
  await form.getByRole("button", { name: "Register webhook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toBeVisible();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  return secret;
}

test("an admin registers a receiver, a Sev1 reaches it signed, and a failing receiver is retried until it answers", async ({
  page,
}) => {
  let failNext = 0;
  const receiver = await startWebhookReceiver(() => (failNext-- > 0 ? { status: 500 } : { status: 200 }));
  try {
    await signIn(page, DEMO.admin);

    // Bad input: one message per field, nothing saved.
    await page.goto("/admin/webhooks");
    const form = page.getByRole("form", { name: "Register a webhook" });
    await form.getByLabel("Name").fill("Incident bridge");
    await form.getByLabel("Payload URL").fill("ftp://hooks.example.com");
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(form.getByText("Enter a full http:// or https:// URL")).toBeVisible();
    await expect(form.getByText("Pick at least one event.")).toBeVisible();

    const name = `Incident bridge ${Date.now()}`;
    const secret = await registerWebhook(page, {
      name,
      url: receiver.url,
      events: ["Incident declared at Sev1 or Sev2"],
    });
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0); // shown once, never again
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("none yet");

    // A Sev1 declared in the UI: one signed delivery.
    const title = `Checkout down for webhook test ${Date.now()}`;
    const incidentId = await declareIncident(page, { title, services: ["checkout-api"], severity: "Sev1" });
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [request] = receiver.received;
    expect(request.headers["x-faultline-event"]).toBe("incident.declared");
    expect(request.headers["x-faultline-delivery"]).toBe(`incident-${incidentId}-declared`);
    expect(verifyFaultlineSignature(request, secret)).toBe(true);
    expect(verifyFaultlineSignature(request, `${secret}x`)).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      event: "incident.declared",
      data: { incident: { id: incidentId, title, severity: "SEV1" } },
    });
    expect(body.data.incident.url).toMatch(new RegExp(`/incidents/${incidentId}$`));

    // A Sev3 is not announced.
    await declareIncident(page, { title: `Minor glitch ${Date.now()}`, services: ["checkout-api"], severity: "Sev3" });

    await page.goto("/admin/webhooks");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Delivered");
    await page.getByRole("link", { name }).click();
    const first = page.getByRole("listitem", { name: `Delivery incident-${incidentId}-declared` });
    await expect(first).toContainText("Delivered");
    await expect(first).toContainText("1 attempt · HTTP 200");
    await expect(page.getByRole("list", { name: "Delivery history" }).getByRole("listitem")).toHaveCount(1);

    // The receiver answers 500 first: the history shows the retry, then the success.
    failNext = 1;
    const second = await declareIncident(page, {
      title: `Payments failing ${Date.now()}`,
      services: ["payments-gateway"],
      severity: "Sev2",
    });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(3);
    expect(receiver.received.slice(1).map((r) => r.headers["x-faultline-delivery"])).toEqual([
      `incident-${second}-declared`,
      `incident-${second}-declared`,
    ]);
    expect(receiver.received.slice(1).every((r) => verifyFaultlineSignature(r, secret))).toBe(true);
    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name }).click();
    const retried = page.getByRole("listitem", { name: `Delivery incident-${second}-declared` });
    await expect(retried).toContainText("Delivered");
    await expect(retried).toContainText("2 attempts · HTTP 200");
    await retried.getByText(`incident-${second}-declared`).click();
    const attempts = retried.getByRole("list", { name: "Attempts" }).getByRole("listitem");
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText("HTTP 500");
    await expect(attempts.nth(1)).toContainText("HTTP 200");
    await page.screenshot({ path: "/tmp/outbound-history.png", fullPage: true });
    await page.goto("/admin/webhooks");
    await page.screenshot({ path: "/tmp/outbound-list.png", fullPage: true });
  } finally {
    await receiver.close();
  }
});

test("a test ping that the receiver refuses fails at once and can be redelivered; rotating the secret shows a new one once", async ({
  page,
}) => {
  let refuse = true;
  const receiver = await startWebhookReceiver(() => ({ status: refuse ? 404 : 204 }));
  try {
    await signIn(page, DEMO.admin);
    const name = `Report mailer ${Date.now()}`;
    const secret = await registerWebhook(page, { name, url: receiver.url, events: ["Weekly report published"] });
    await page.getByRole("link", { name }).click();
    await expect(page.getByText("Nothing delivered yet.")).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
    const ping = page.getByRole("list", { name: "Delivery history" }).getByRole("listitem").first();
    await expect(ping).toContainText("Failed", { timeout: 15_000 });
    await expect(ping).toContainText("HTTP 404 · Refused by the receiver: not retried");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers["x-faultline-event"]).toBe("ping");
    expect(verifyFaultlineSignature(receiver.received[0], secret)).toBe(true);
    await page.screenshot({ path: "/tmp/outbound-failed.png", fullPage: true });

    refuse = false;
    await ping.getByRole("button", { name: "Redeliver" }).click();
    await expect(ping).toContainText("Delivered", { timeout: 15_000 });
    expect(receiver.received).toHaveLength(2);

    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);

    // Deactivate: kept with its history, shown as inactive.
    await page.getByLabel("Active (events are queued and delivered)").uncheck();
    await page.getByRole("button", { name: "Save webhook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The webhook is inactive" })).toBeVisible();
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Inactive");

    await page.getByRole("link", { name }).click();
    await page.getByText("Delete webhook…").click();
    await page.getByRole("button", { name: `Delete “${name}”` }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("only admins manage outbound webhooks", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { name: "Only admins manage outbound webhooks" })).toBeVisible();
});
