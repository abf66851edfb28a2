// More than one instance, proven (issue 18, item 4): two `next start` processes on one fresh
// PostgreSQL, started at the same moment, behind a round-robin proxy. Uses the existing build.
// Ports: E2E_PORT + 60 … + 64 (3160–3164 by default); the Slack receiver takes a free port.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startSlackReceiver } from "../lib/server/testing/slack-receiver";
import { startSmtpReceiver } from "../lib/server/testing/smtp-receiver";
import {
  startCountingReceiver,
  startInstance,
  startRoundRobinProxy,
  waitUntilReady,
  type Instance,
  type Receiver,
  type RoundRobinProxy,
} from "./support/cluster";
import { freshDatabase, query, runCli } from "./support/own-server";

// (The embedded project matches only embedded.spec.ts, so this runs once, on PostgreSQL.)
test.describe.configure({ mode: "serial" });

const BASE = Number(process.env.E2E_PORT ?? 3100) + 60;
const ADMIN = { email: "cluster-admin@example.test", password: "cluster-admin-password-1" };
const MIGRATIONS = readdirSync(path.join(import.meta.dirname, "..", "prisma", "migrations"), {
  withFileTypes: true,
}).filter((entry) => entry.isDirectory()).length;

let databaseUrl: string;
let instances: Instance[] = [];
let proxy: RoundRobinProxy;
let receiver: Receiver;
let slack: Awaited<ReturnType<typeof startSlackReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let readToken: string;
let writeToken: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  databaseUrl = await freshDatabase(`${process.env.E2E_DATABASE_NAME ?? "faultline_e2e"}_cluster`);
  receiver = await startCountingReceiver(BASE + 3);
  slack = await startSlackReceiver({ allowedLinks: `http://127.0.0.1:${BASE + 2}` });
  smtp = await startSmtpReceiver({ port: BASE + 4 });
  const env = {
    DATABASE_URL: databaseUrl,
    // Both sit behind the proxy: one public address, one secret (sessions are signed with it).
    NEXTAUTH_URL: `http://127.0.0.1:${BASE + 2}`,
    NEXTAUTH_SECRET: "cluster-secret-not-for-production-0123456789",
    FAULTLINE_ADMIN_EMAIL: ADMIN.email,
    FAULTLINE_ADMIN_PASSWORD: ADMIN.password,
    FAULTLINE_API_RATE_LIMIT: "12",
    FAULTLINE_WEBHOOK_POLL_MS: "200",
    FAULTLINE_WEBHOOK_BACKOFF_MS: "500",
    FAULTLINE_LOG_LEVEL: "info",
    // Both instances send mail: each approval-needed email must still go out once.
    FAULTLINE_SMTP_URL: `smtp://127.0.0.1:${BASE + 4}`,
    FAULTLINE_SMTP_FROM: "Faultline cluster <faultline@cluster.test>",
  };
  // Both at once, on an empty database: both race for the migrations and the first admin.
  const started = Date.now();
  instances = [startInstance("a", BASE, env), startInstance("b", BASE + 1, env)];
  await Promise.all(instances.map((instance) => waitUntilReady(instance)));
  console.log(`cluster: two instances ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  proxy = await startRoundRobinProxy(BASE + 2, instances);
  const token = (name: string, scopes: string) =>
    runCli(databaseUrl, ["token", "create", "--user", ADMIN.email, "--name", name, "--scopes", scopes]).trim();
  readToken = token("cluster read", "read");
  writeToken = token("cluster write", "write,read");
  await query(
    databaseUrl,
    `WITH t AS (INSERT INTO "Team" (name, slug) VALUES ('Payments', 'payments') RETURNING id)
     INSERT INTO "Service" (name, slug, "teamId") SELECT 'checkout', 'checkout', id FROM t`,
  );
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(instances.map((instance) => instance.stop()));
  await receiver?.close();
  await slack?.close();
  await smtp?.close();
});

/** The admin signs in with the form behind the proxy: each request of the sign-in may reach either instance. */
async function signInThroughProxy(page: Page) {
  await page.goto(`${proxy.url}/login`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents/);
}

/** Which instance answered each of these proxied responses. */
const servedBy = (responses: { headers(): Record<string, string> }[]) =>
  new Set(responses.map((response) => response.headers()["x-served-by"]));

test("two instances starting at once apply the migrations once, and create one first admin", async () => {
  const history = await query<{ migration_name: string; finished: boolean }>(
    databaseUrl,
    `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"`,
  );
  expect(history).toHaveLength(MIGRATIONS);
  expect(new Set(history.map((row) => row.migration_name)).size).toBe(MIGRATIONS);
  expect(history.every((row) => row.finished)).toBe(true);
  // Each instance says what it did: one applied them all, the other found them in place.
  const reports = instances.map((instance) => {
    const match = /(\d+) migration\(s\) applied, (\d+) already in place/.exec(instance.output());
    expect(match, `${instance.name} logged its migrations:\n${instance.output()}`).not.toBeNull();
    return { applied: Number(match![1]), already: Number(match![2]) };
  });
  expect(reports.map((report) => report.applied).sort()).toEqual([0, MIGRATIONS]);
  const admins = await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM "User"`);
  expect(admins[0].n).toBe(1);
});

test("a session signed in on one instance works on the other", async ({ page }) => {
  // Every request of the sign-in itself alternates instances (page, CSRF token, credentials callback…).
  await signInThroughProxy(page);
  const answers = [];
  for (let i = 0; i < 4; i++) {
    const response = await page.request.get(`${proxy.url}/incidents`, { maxRedirects: 0 });
    expect(response.status(), "signed in on whichever instance answers").toBe(200);
    expect(await response.text()).toContain("Sign out");
    answers.push(response);
  }
  expect(servedBy(answers)).toEqual(new Set(["a", "b"]));
});

test("the per-token rate limit is shared by the instances", async ({ request }) => {
  const headers = { authorization: `Bearer ${readToken}` };
  const answers = [];
  for (let i = 0; i < 12; i++) answers.push(await request.get(`${proxy.url}/api/v1/incidents`, { headers }));
  expect(answers.map((answer) => answer.status())).toEqual(Array(12).fill(200));
  expect(servedBy(answers)).toEqual(new Set(["a", "b"]));
  // Each instance saw only 6; the 13th request is over the token's limit wherever it lands.
  const over = [await request.get(`${proxy.url}/api/v1/incidents`, { headers })];
  over.push(await request.get(`${proxy.url}/api/v1/incidents`, { headers }));
  expect(over.map((answer) => answer.status())).toEqual([429, 429]);
  expect(servedBy(over)).toEqual(new Set(["a", "b"]));
  expect(Number(over[0].headers()["retry-after"])).toBeGreaterThan(0);
});

test("an Idempotency-Key replays across instances", async ({ request }) => {
  const headers = { authorization: `Bearer ${writeToken}`, "idempotency-key": `cluster-${Date.now()}` };
  const data = {
    title: "Checkout returns 502 (cluster idempotency)",
    severity: "SEV3",
    impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
    services: ["checkout"],
  };
  const first = await request.post(`${proxy.url}/api/v1/incidents`, { headers, data });
  const second = await request.post(`${proxy.url}/api/v1/incidents`, { headers, data });
  expect(first.status()).toBe(201);
  expect(second.status()).toBe(201);
  expect(servedBy([first, second])).toEqual(new Set(["a", "b"]));
  expect(second.headers()["idempotency-replayed"]).toBe("true");
  expect((await second.json()).id).toBe((await first.json()).id);
  const rows = await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM "Incident" WHERE title = $1`, [
    data.title,
  ]);
  expect(rows[0].n).toBe(1);
});

test("each outbound webhook delivery is sent exactly once while both instances run the worker", async ({ request }) => {
  await query(
    databaseUrl,
    `INSERT INTO "OutboundWebhook" (name, url, events, secret, "updatedAt")
     VALUES ('cluster receiver', $1, ARRAY['incident.declared'], 'cluster-webhook-secret', now())`,
    [receiver.url],
  );
  const headers = { authorization: `Bearer ${writeToken}` };
  const declared = [];
  for (let i = 0; i < 6; i++) {
    const response = await request.post(`${proxy.url}/api/v1/incidents`, {
      headers,
      data: {
        title: `Sev${(i % 2) + 1} in the cluster #${i}`,
        severity: i % 2 ? "SEV2" : "SEV1",
        impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
        services: ["checkout"],
      },
    });
    expect(response.status()).toBe(201);
    declared.push(response);
  }
  expect(servedBy(declared)).toEqual(new Set(["a", "b"]));
  await expect.poll(() => new Set(receiver.deliveries).size, { timeout: 30_000 }).toBe(6);
  // Both workers keep polling every 200 ms: give a duplicate every chance to arrive.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(receiver.deliveries).toHaveLength(6);
  const rows = await query<{ status: string; attempts: number }>(
    databaseUrl,
    `SELECT status::text, attempts FROM "OutboundDelivery"`,
  );
  expect(rows).toHaveLength(6);
  expect(rows.every((row) => row.status === "SUCCEEDED" && row.attempts === 1)).toBe(true);
});

test("each Slack message and each email is sent exactly once while both instances run the workers", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // A junior author, and a senior engineer who approves and wants approval-needed emails.
  await query(
    databaseUrl,
    `INSERT INTO "User" (email, name, role, level, "updatedAt") VALUES
       ('cluster-junior@example.test', 'Cluster Junior', 'ENGINEER', 'JUNIOR', now()),
       ('cluster-senior@example.test', 'Cluster Senior', 'ENGINEER', 'SENIOR', now())`,
  );
  const [tool] = await query<{ slug: string }>(
    databaseUrl,
    `INSERT INTO "AiTool" (name, slug, aliases) VALUES ('Cluster Agent', 'cluster-agent', '{}') RETURNING slug`,
  );

  // The Slack destination is added the way an admin does it (its URL is sealed by the app).
  await signInThroughProxy(page);
  await page.goto(`${proxy.url}/admin/slack`);
  const form = page.getByRole("form", { name: "Add a Slack destination" });
  await form.getByLabel("Name").fill("#cluster");
  await form.getByLabel("Incoming-webhook URL").fill(slack.url);
  await form.getByLabel("Incident declared at Sev1 or Sev2").check();
  await form.getByLabel("Change waiting for approval").check();
  await form.getByRole("button", { name: "Add Slack destination" }).click();
  await expect(page.getByRole("status").filter({ hasText: "stored encrypted" })).toBeVisible();

  // A token of its own: the rate limit (12 a minute, shared by the instances) is per token.
  const token = runCli(databaseUrl, [
    "token",
    "create",
    "--user",
    ADMIN.email,
    "--name",
    "cluster notifications",
    "--scopes",
    "write,read",
  ]).trim();
  const headers = { authorization: `Bearer ${token}` };
  const run = Date.now().toString(36);
  const incidentTitles = Array.from({ length: 4 }, (_, i) => `Cluster Sev1 ${run}-${i}`);
  const changeTitles = Array.from({ length: 4 }, (_, i) => `Cluster AI change ${run}-${i}`);
  const answers = [];
  for (const title of incidentTitles) {
    const response = await request.post(`${proxy.url}/api/v1/incidents`, {
      headers,
      data: {
        title,
        severity: "SEV1",
        impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
        services: ["checkout"],
      },
    });
    expect(response.status()).toBe(201);
    answers.push(response);
  }
  for (const [i, title] of changeTitles.entries()) {
    const response = await request.post(`${proxy.url}/api/v1/changes`, {
      headers,
      data: {
        source: "cluster",
        externalId: `${run}-${i}`,
        kind: "DEPLOY",
        title,
        service: "checkout",
        author: "cluster-junior@example.test",
        aiAssisted: true,
        aiTool: tool.slug,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    answers.push(response);
  }
  expect(servedBy(answers)).toEqual(new Set(["a", "b"]));

  const slackTexts = () => slack.requests.map((r) => JSON.stringify(r.json));
  const mails = () =>
    smtp.received.filter((m) => m.parsed.headers.get("x-faultline-event") === "email.approval_needed");
  const occurrences = (texts: string[], title: string) => texts.filter((text) => text.includes(title)).length;
  const everyTitle = [...incidentTitles, ...changeTitles];
  await expect
    .poll(() => everyTitle.filter((title) => occurrences(slackTexts(), title) > 0).length, { timeout: 60_000 })
    .toBe(everyTitle.length);
  await expect
    .poll(
      () =>
        changeTitles.filter((title) =>
          mails().some((m) => m.envelopeTo.includes("cluster-senior@example.test") && m.raw.includes(title)),
        ).length,
      { timeout: 60_000 },
    )
    .toBe(changeTitles.length);
  // Both workers keep polling every 200 ms: give a duplicate every chance to arrive.
  await new Promise((resolve) => setTimeout(resolve, 3_000));

  expect(slack.requests.flatMap((r) => r.problems)).toEqual([]);
  for (const title of everyTitle) expect(occurrences(slackTexts(), title), `Slack messages naming ${title}`).toBe(1);
  // One mail per approver and change, never two.
  const pairs = mails().flatMap((m) =>
    changeTitles
      .filter((title) => m.raw.includes(title))
      .flatMap((title) => m.envelopeTo.map((to) => `${to} ${title}`)),
  );
  expect(pairs.length).toBe(new Set(pairs).size);
  expect(pairs.filter((pair) => pair.startsWith("cluster-senior@example.test ")).length).toBe(changeTitles.length);

  const rows = await query<{ kind: string; status: string; attempts: number }>(
    databaseUrl,
    `SELECT CASE WHEN d."emailTo" IS NOT NULL THEN 'email' ELSE w.kind::text END AS kind, d.status::text, d.attempts
     FROM "OutboundDelivery" d LEFT JOIN "OutboundWebhook" w ON w.id = d."webhookId"
     WHERE d."emailTo" IS NOT NULL OR w.kind = 'SLACK'`,
  );
  expect(rows.filter((row) => row.kind === "SLACK")).toHaveLength(slack.requests.length);
  expect(rows.filter((row) => row.kind === "email")).toHaveLength(mails().length);
  expect(
    rows.every((row) => row.status === "SUCCEEDED" && row.attempts === 1),
    JSON.stringify(rows),
  ).toBe(true);
});

test("the instances' logs are JSON lines with request ids and route patterns, and hold no secret", async () => {
  for (const instance of instances) {
    const output = instance.output();
    for (const secret of [
      readToken,
      writeToken,
      ADMIN.password,
      "cluster-secret-not-for-production",
      "cluster-webhook-secret",
      "XXXXSECRET", // the Slack incoming-webhook URL's secret part
    ])
      expect(output, `${instance.name}'s log`).not.toContain(secret);
    const lines = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.every((line) => typeof line.requestId === "string" && typeof line.route === "string")).toBe(true);
    expect(requests.some((line) => line.route === "/api/v1/incidents")).toBe(true);
  }
});
