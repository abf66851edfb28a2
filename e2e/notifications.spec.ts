import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { startSlackReceiver } from "../lib/server/testing/slack-receiver";
import { startSmtpReceiver } from "../lib/server/testing/smtp-receiver";
import { DEMO, signIn } from "./support/auth";
import { declareIncident } from "./support/forms";

// The app on E2E_PORT sends mail to E2E_PORT + 60 (playwright.config.ts); this spec listens there.
const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const SHOTS = "/tmp/shots-notify";
mkdirSync(SHOTS, { recursive: true });

/** Full-page screenshots at desktop and phone size, light and dark. */
async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/${name}-${label}-${scheme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("an admin adds a Slack destination, sends a test message, and a Sev1 with a hostile title arrives escaped", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const slack = await startSlackReceiver({ allowedLinks: "http://127.0.0.1" });
  try {
    await signIn(page, DEMO.admin);
    await page.goto("/admin/slack");
    const form = page.getByRole("form", { name: "Add a Slack destination" });

    // Bad input: a message per field saying what to do, nothing saved.
    await form.getByLabel("Name").fill("#incidents");
    await form.getByLabel("Incoming-webhook URL").fill("hooks.slack.com/services/T000");
    await form.getByRole("button", { name: "Add Slack destination" }).click();
    await expect(form.getByText("Paste the whole URL Slack shows")).toBeVisible();
    await expect(form.getByText("Pick at least one event.")).toBeVisible();

    const name = `#incidents ${Date.now()}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Incoming-webhook URL").fill(slack.url);
    await form.getByLabel("Incident declared at Sev1 or Sev2").check();
    await form.getByLabel("Change waiting for approval").check();
    await form.getByRole("button", { name: "Add Slack destination" }).click();
    await expect(page.getByRole("status").filter({ hasText: "stored encrypted" })).toBeVisible();
    await page.reload();
    await expect(page.getByText("XXXXSECRET")).toHaveCount(0); // the URL is never shown again
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("…CRET");
    await shoot(page, "admin-slack");

    // Test message from the destination's page.
    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("link", { name: "← Slack destinations" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => slack.requests.length, { timeout: 15_000 }).toBe(1);
    expect(slack.requests[0].problems).toEqual([]);
    expect((slack.requests[0].json as { text: string }).text).toContain("Test message from Faultline");
    await expect(page.getByRole("list", { name: "Delivery history" })).toContainText("Delivered", { timeout: 15_000 });
    await shoot(page, "admin-slack-destination");

    // A Sev1 whose title tries to ping everyone and inject a link.
    const title = `<!channel> checkout <https://evil.example|down> & ${Date.now()}`;
    await declareIncident(page, { title, services: ["checkout-api"], severity: "Sev1" });
    await expect.poll(() => slack.requests.length, { timeout: 15_000 }).toBe(2);
    const sev1 = slack.requests[1];
    expect(sev1.problems).toEqual([]);
    expect(sev1.body).not.toContain("<!channel>");
    expect(sev1.body).not.toContain("<https://evil");
    expect(sev1.body).toContain("&lt;!channel&gt;");
  } finally {
    await slack.close();
  }
});

test("a manager sets the report's distribution list and publishes; the SMTP server receives it with the PDF", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const smtp = await startSmtpReceiver({ port: SMTP_PORT });
  try {
    await signIn(page, DEMO.manager);
    await page.goto("/reports");
    await page.getByRole("link", { name: "Last week's report" }).click();
    await expect(page).toHaveURL(/\/reports\/weekly\/\d{4}-W\d{2}$/);
    const week = /\/reports\/weekly\/(\d{4}-W\d{2})$/.exec(page.url())![1];
    const list = page.getByRole("form", { name: "Email distribution list" });

    await list.getByLabel("Email the published report to").fill("twist@acme.example\nMia <mia@acme.example>");
    await list.getByRole("button", { name: "Save distribution list" }).click();
    await expect(list.getByText("Not an email address: “Mia <mia@acme.example>”")).toBeVisible();

    await list.getByLabel("Email the published report to").fill("twist@acme.example\nsre-leads@acme.example");
    await list.getByRole("button", { name: "Save distribution list" }).click();
    await expect(list.getByRole("status")).toContainText("emails the report to 2 addresses");
    await shoot(page, "weekly-report-distribution");

    await page.getByRole("button", { name: /Publish (for the meeting|again)/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    // Other specs' approval-needed mails may arrive here too (the e2e server always has SMTP): count the report's.
    const reportMails = () =>
      smtp.received.filter((m) => m.parsed.headers.get("x-faultline-event") === "email.report_published");
    await expect.poll(() => reportMails().length, { timeout: 30_000 }).toBe(2);
    expect(
      reportMails()
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual(["sre-leads@acme.example", "twist@acme.example"]);

    const mail = reportMails().find((m) => m.envelopeTo[0] === "twist@acme.example")!;
    expect(mail.parsed.subject).toMatch(new RegExp(`weekly report ${week}$`));
    expect(mail.parsed.from?.value[0].address).toBe("faultline@e2e.test");
    expect(mail.parsed.headers.get("x-faultline-event")).toBe("email.report_published");
    expect(mail.parsed.html).toContain("Change failure rate, AI-assisted");
    const pdf = mail.parsed.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toBe(`faultline-weekly-${week}.pdf`);
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(mail.parsed.attachments.some((a) => a.contentType === "text/markdown")).toBe(true);
  } finally {
    await smtp.close();
  }
});

test("a person turns email notifications off on the Account page, and the choice sticks", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.senior);
  await page.goto("/account#notifications");
  const form = page.getByRole("form", { name: "Email notifications" });
  const approvals = form.getByLabel("Changes waiting for my approval");
  await expect(approvals).toBeChecked();
  await approvals.uncheck();
  await form.getByRole("button", { name: "Save email preferences" }).click();
  await expect(form.getByRole("status")).toContainText("Email preferences saved.");
  await page.reload();
  await expect(form.getByLabel("Changes waiting for my approval")).not.toBeChecked();
  await expect(form.getByLabel("The published weekly report")).toBeChecked();
  await shoot(page, "account-notifications");
  await form.getByLabel("Changes waiting for my approval").check();
  await form.getByRole("button", { name: "Save email preferences" }).click();
  await expect(form.getByRole("status")).toContainText("Email preferences saved.");
});
