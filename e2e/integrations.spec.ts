import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { githubSignature } from "./support/webhooks";
import { pullRequestPayload } from "../lib/server/testing/webhook-payloads";
import { DEMO, signIn, signOut } from "./support/auth";
import { withDb } from "./support/db";

test("an admin connects GitHub; a signed merged PR shows up as an AI-assisted change; a forged one lands in the rejected log", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  const name = `E2E GitHub ${stamp}`;
  const label = `ai-pair-${stamp}`;
  const login = `mid-dev-${stamp}`;
  const { slug, midId } = await withDb(async (client) => ({
    slug: (
      await client.query<{ slug: string }>(`SELECT slug FROM "Service" WHERE "archivedAt" IS NULL ORDER BY id LIMIT 1`)
    ).rows[0].slug,
    midId: (await client.query<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.mid])).rows[0].id,
  }));

  await signIn(page, DEMO.admin);
  await page.goto("/admin/integrations");
  await expect(page.getByRole("link", { name: "Integrations" })).toHaveAttribute("aria-current", "page");

  // Create: the secret is shown once, the URL is listed.
  const create = page.getByRole("form", { name: "Create an integration" });
  await create.getByRole("button", { name: "Create integration" }).click();
  await expect(create.getByText("Give the integration a name of at least 2 characters.")).toBeVisible();
  await create.getByLabel("Source").selectOption("GITHUB");
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create integration" }).click();
  const secret = await create.getByLabel("New integration secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  const url = (await page.getByLabel(`Webhook URL of ${name}`).textContent())!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/webhooks\/github\/\d+$/);

  // Map the repository (a bad line first), and a login.
  const settings = page.getByRole("region", { name: `${name} · GitHub` });
  await settings.getByLabel("Repositories → services").fill("acme/checkout checkout");
  await settings.getByRole("button", { name: "Save mapping" }).click();
  await expect(settings.getByText('Line 1 ("acme/checkout checkout") is not "name = value".')).toBeVisible();
  await settings.getByLabel("Repositories → services").fill(`acme/checkout = ${slug}`);
  await settings.getByRole("button", { name: "Save mapping" }).click();
  await expect(settings.getByText("Mapping saved.")).toBeVisible();

  const logins = page.getByRole("region", { name: "GitHub logins" });
  await logins.getByLabel("Faultline user").selectOption(String(midId));
  await logins.getByRole("textbox", { name: "GitHub login" }).fill(login);
  await logins.getByRole("button", { name: "Save login" }).click();
  await expect(logins.getByText(`Mapped @${login}.`)).toBeVisible();

  // A label rule with a tool.
  const rules = page.getByRole("region", { name: "AI detection rules" });
  const add = rules.getByRole("form", { name: "Add an AI detection rule" });
  await add.getByLabel("Looks at").selectOption("PR_LABEL");
  await add.getByLabel("Pattern").fill(label);
  await add.getByLabel("AI tool").selectOption({ label: "GitHub Copilot" });
  await add.getByLabel("Involvement").selectOption("AGENT_AUTHORED");
  await add.getByRole("button", { name: "Add rule" }).click();
  await expect(rules.getByRole("listitem", { name: new RegExp(`: ${label}$`) })).toBeVisible();

  // GitHub delivers a merged PR, signed with the secret.
  const title = `Retry capture on timeouts ${stamp}`;
  const body = JSON.stringify(
    pullRequestPayload({
      number: stamp % 100000,
      title,
      labels: [label, "payments"],
      login,
      mergedAt: new Date().toISOString(),
    }),
  );
  const headers = {
    "content-type": "application/json",
    "x-github-event": "pull_request",
    "x-github-delivery": randomUUID(),
    "user-agent": "GitHub-Hookshot/e2e",
  };
  const delivered = await request.post(url, {
    data: Buffer.from(body),
    headers: { ...headers, "x-hub-signature-256": githubSignature(secret, body) },
  });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({
    status: "processed",
    result: { outcome: "created", aiDetectedBy: `label:${label}` },
  });

  // A forged delivery is refused.
  const forged = await request.post(url, {
    data: Buffer.from(body),
    headers: {
      ...headers,
      "x-github-delivery": `forged-${stamp}`,
      "x-hub-signature-256": githubSignature("not-the-secret", body),
    },
  });
  expect(forged.status()).toBe(401);

  await page.goto(`/changes?q=${encodeURIComponent(title)}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("AI · GitHub Copilot, agent-authored")).toBeVisible();
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByText(`label:${label}`)).toBeVisible();
  await expect(page.getByText("Mid-level").first()).toBeVisible();

  await page.goto("/admin/integrations");
  const rejected = page.getByRole("region", { name: "Rejected deliveries" });
  const forgedRow = rejected
    .getByRole("row")
    .filter({ hasText: name })
    .filter({ hasText: "X-Hub-Signature-256" })
    .first();
  await expect(forgedRow.getByText("401")).toBeVisible();
  await forgedRow.getByText("Headers and body").click();
  await expect(forgedRow.getByText(`forged-${stamp}`)).toBeVisible();
  await expect(page.getByText(`${url.match(/\d+$/)![0]}`).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/inbound-integrations.png", fullPage: true });

  // Engineers cannot manage integrations.
  await signOut(page);
  await signIn(page, DEMO.senior);
  await page.goto("/admin/integrations");
  await expect(page.getByRole("heading", { name: "Only admins manage integrations" })).toBeVisible();
});

test("an admin rotates a secret, edits, reorders and deactivates a rule, and deactivates an Alertmanager integration", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  const name = `E2E alerts ${stamp}`;
  await signIn(page, DEMO.admin);
  await page.goto("/admin/integrations");
  const create = page.getByRole("form", { name: "Create an integration" });
  await create.getByLabel("Source").selectOption("ALERTMANAGER");
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create integration" }).click();
  const first = await create.getByLabel("New integration secret").inputValue();
  const url = (await page.getByLabel(`Webhook URL of ${name}`).textContent())!;

  const settings = page.getByRole("region", { name: `${name} · Prometheus Alertmanager` });
  await settings.getByLabel("Label values → severities").fill("critical = SEV1\nwarning = SEV7");
  await settings.getByRole("button", { name: "Save mapping" }).click();
  await expect(settings.getByText('Line 2: "SEV7" is not a severity (SEV1 to SEV4).')).toBeVisible();

  await settings.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await settings.getByLabel(`New secret of ${name}`).inputValue();
  expect(rotated).not.toBe(first);
  const oldSecret = await request.post(url, { data: { version: "4" }, headers: { authorization: `Bearer ${first}` } });
  expect(oldSecret.status()).toBe(401);

  const rules = page.getByRole("region", { name: "AI detection rules" });
  const pattern = `ai-e2e-${stamp}`;
  const add = rules.getByRole("form", { name: "Add an AI detection rule" });
  await add.getByLabel("Pattern").fill(pattern);
  await add.getByRole("button", { name: "Add rule" }).click();
  const rule = rules.getByRole("listitem", { name: new RegExp(`: ${pattern}$`) });
  await expect(rule).toBeVisible();
  const position = async () => Number((await rule.getAttribute("aria-label"))!.match(/^Rule (\d+)/)![1]);
  const before = await position();
  await rule.getByRole("button", { name: `Move ${pattern} up` }).click();
  await expect.poll(position).toBe(before - 1);
  await rule.getByRole("button", { name: "Deactivate" }).click();
  await expect(rule.getByText("Inactive")).toBeVisible();
  await rule.getByText("Edit").click();
  await rule.getByLabel("Pattern").fill(`${pattern}-x`);
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rules.getByRole("listitem", { name: new RegExp(`: ${pattern}-x$`) })).toBeVisible();

  await settings.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("region", { name: `${name} · Prometheus Alertmanager (deactivated)` })).toBeVisible();
  const refused = await request.post(url, { data: { version: "4" }, headers: { authorization: `Bearer ${rotated}` } });
  expect(refused.status()).toBe(404);
});
