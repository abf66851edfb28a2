import { expect, test, type Page } from "@playwright/test";
import { freshDatabase, query, runCli, startOwnServer, type OwnServer } from "./support/own-server";

// An organisation's first day on servers of its own (ports E2E_PORT+2 and +3): the sign-in page
// of an empty organisation, the first admin, a CSV import refused then accepted, and the demo
// data removed next to a real incident.

const base = Number(process.env.E2E_PORT ?? 3100);
const dbName = `${process.env.E2E_DATABASE_NAME ?? "faultline_e2e"}_first`;
const ADMIN = { email: "first.admin@example.com", password: "a-long-first-password" };

test.describe.configure({ mode: "serial" });

async function signInAs(page: Page, server: OwnServer, email: string, password: string) {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents/);
}

const HEADER = "Incident Number,Title,Urgency,Priority,Service Name,Created At,Resolved At";

test.describe("a new organisation", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    const databaseUrl = await freshDatabase(dbName);
    runCli(databaseUrl, ["migrate"]);
    server = await startOwnServer({ port: base + 2, databaseUrl });
  });
  test.afterAll(async () => server?.stop());

  test("is told how to create its first admin, who then signs in", async ({ page }) => {
    await page.goto(`${server.baseURL}/login`);
    await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
    await expect(page.getByText("npx faultline admin create")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);

    server.cli("admin", "create", "--email", ADMIN.email, "--name", "First Admin", "--password", ADMIN.password);
    await signInAs(page, server, ADMIN.email, ADMIN.password);
  });

  test("imports a PagerDuty export: a bad row refuses the file, the fixed file goes in once", async ({ page }) => {
    const [team] = await query<{ id: number }>(
      server.databaseUrl,
      `INSERT INTO "Team" (name, slug) VALUES ('Storefront', 'storefront') RETURNING id`,
    );
    await query(
      server.databaseUrl,
      `INSERT INTO "Service" (name, slug, "teamId") VALUES ('checkout', 'checkout', $1)`,
      [team.id],
    );
    await signInAs(page, server, ADMIN.email, ADMIN.password);
    await page.goto(`${server.baseURL}/admin/import`);
    const good = `${HEADER}\n501,Checkout 502s,high,P1,checkout,2026-08-04T08:00:00Z,2026-08-04T10:00:00Z\n`;
    const bad = `${good}502,Search slow,low,,search,2026-08-05T08:00:00Z,\n`;

    await page
      .getByLabel("CSV file", { exact: true })
      .setInputFiles({ name: "pd.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText('Unknown service "search"')).toBeVisible();
    await expect(page.getByText("1 row(s) have problems")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
    expect(await query(server.databaseUrl, `SELECT 1 FROM "Incident"`)).toHaveLength(0);

    await page
      .getByLabel("CSV file", { exact: true })
      .setInputFiles({ name: "pd.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("No problems found")).toBeVisible();
    await page.getByRole("button", { name: "Import 1 row(s)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 created" })).toBeVisible();

    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Import 1 row(s)" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "0 created, 0 updated, 1 already up to date" }),
    ).toBeVisible();
    await page.goto(`${server.baseURL}/incidents`);
    await expect(page.getByRole("link", { name: "Checkout 502s" })).toBeVisible();
  });
});

test.describe("an organisation that started with the demo", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    const databaseUrl = await freshDatabase(`${dbName}_demo`);
    runCli(databaseUrl, ["demo", "seed"]);
    runCli(databaseUrl, [
      "admin",
      "create",
      "--email",
      ADMIN.email,
      "--name",
      "Real Admin",
      "--password",
      ADMIN.password,
    ]);
    server = await startOwnServer({ port: base + 3, databaseUrl });
  });
  test.afterAll(async () => server?.stop());

  test("refuses the published demo password on a real PostgreSQL", async ({ page }) => {
    await page.goto(`${server.baseURL}/login`);
    await page.getByLabel("Email").fill("admin@faultline.dev");
    await page.getByLabel("Password").fill("faultline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The demo password is switched off on this server")).toBeVisible();
  });

  test("removes the demo data and leaves a real incident in place", async ({ page }) => {
    const [service] = await query<{ id: number }>(server.databaseUrl, `SELECT id FROM "Service" LIMIT 1`);
    const [real] = await query<{ id: number }>(
      server.databaseUrl,
      `INSERT INTO "Incident" (title, severity, "impactStartedAt", "updatedAt") VALUES ('Real outage of ours', 'SEV2', now(), now()) RETURNING id`,
    );
    await query(server.databaseUrl, `INSERT INTO "IncidentService" ("incidentId", "serviceId") VALUES ($1, $2)`, [
      real.id,
      service.id,
    ]);
    await signInAs(page, server, ADMIN.email, ADMIN.password);
    await page.goto(`${server.baseURL}/admin/import`);
    await expect(page.getByText(/still holds the demo organisation: 160 incident/)).toBeVisible();
    await page.getByRole("button", { name: "Remove demo data" }).click();
    await expect(page.getByText("Type “remove demo data” to confirm.")).toBeVisible();
    await page.getByLabel("Type “remove demo data” to confirm").fill("remove demo data");
    await page.getByRole("button", { name: "Remove demo data" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Removed 160 demo incident(s)" })).toBeVisible();

    await page.goto(`${server.baseURL}/incidents`);
    await expect(page.getByRole("link", { name: "Real outage of ours" })).toBeVisible();
    const left = await query<{ demo: boolean; n: string }>(
      server.databaseUrl,
      `SELECT demo, count(*) AS n FROM "Incident" GROUP BY demo`,
    );
    expect(left).toEqual([{ demo: false, n: "1" }]);
  });
});
