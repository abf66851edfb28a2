import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { DEMO, signIn } from "./support/auth";
import { withDb } from "./support/db";
import { registerChange } from "./support/forms";

const PASSWORD = "junior-pass-2026!";

async function createUserThroughForm(
  page: Page,
  person: { name: string; email: string; level: string; team?: string },
) {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create a user" });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Initial password").fill(PASSWORD);
  await form.getByLabel("Role").selectOption({ label: "Engineer" });
  await form.getByLabel("Level").selectOption({ label: person.level });
  if (person.team) await form.getByLabel("Team").selectOption({ label: person.team });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toContainText(`${person.name} can now sign in as ${person.email}`);
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

const approvalState = (id: number) =>
  withDb(
    async (client) =>
      (
        await client.query<{ approvalState: string; authorLevel: string }>(
          `SELECT "approvalState", "authorLevel" FROM "Change" WHERE id = $1`,
          [id],
        )
      ).rows[0],
  );

test("an admin sets up a team, a service and a junior engineer; promoting them changes only their later changes", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const teamName = `Checkout Squad ${stamp}`;
  const serviceName = `basket-api-${stamp}`;
  const person = {
    name: `Jun Iper ${stamp}`,
    email: `jun.iper.${stamp}@example.test`,
    level: "Junior",
    team: teamName,
  };

  await signIn(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // Team and service.
  await page.getByRole("link", { name: "Teams & services" }).click();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Use at least 2 characters for the team name.")).toBeVisible();
  await page.getByLabel("New team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  const team = page.getByRole("region", { name: `Team ${teamName}` });
  await expect(team.getByText("No services yet.")).toBeVisible();
  await page.getByLabel("New service name").fill(serviceName);
  await page.getByLabel("Team of the new service").selectOption({ label: teamName });
  await page.getByLabel("Tier of the new service").selectOption({ label: "Customer-facing, critical" });
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(team.getByLabel(`Name of service ${serviceName}`)).toHaveValue(serviceName);
  await expect(team.getByLabel(`Tier of service ${serviceName}`)).toHaveValue("CUSTOMER_CRITICAL");
  // A team that still owns an active service is not archived.
  await team.getByRole("button", { name: "Archive" }).first().click();
  await expect(team.getByRole("alert").filter({ hasText: "Archive or move them first" })).toBeVisible();
  await team.screenshot({ path: "/tmp/admin-team-refused.png" });

  // The junior engineer: a short password and a duplicate email are explained.
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create a user" });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Initial password").fill("too-short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await createUserThroughForm(page, person);
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Email").fill(person.email.toUpperCase());
  await form.getByLabel("Initial password").fill(PASSWORD);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("A user with this email already exists").first()).toBeVisible();
  await page.getByRole("search", { name: "Filter users" }).getByLabel("Search").fill(person.email);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("Junior");
  await expect(row).toContainText(teamName);
  await expect(row).toContainText("Active");
  await page.screenshot({ path: "/tmp/admin-users.png", fullPage: true });

  // The engineer signs in and can only do what an engineer may.
  const engineer = await signedInPage(browser, person.email, PASSWORD);
  await expect(engineer.getByText("engineer · junior")).toBeVisible();
  await expect(engineer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const [path, heading] of [
    ["/admin/users", "Only admins manage users"],
    ["/admin/teams", "Only admins manage teams and services"],
    ["/admin/audit", "Only admins can read the audit log"],
  ]) {
    await engineer.goto(path);
    await expect(engineer.getByRole("heading", { name: heading })).toBeVisible();
  }
  expect((await engineer.request.get("/admin/audit/export")).status()).toBe(403);
  const first = await registerChange(engineer, {
    title: `Basket tweak before promotion ${stamp}`,
    service: serviceName,
    ai: { tool: "GitHub Copilot", involvement: "Co-authored" },
  });
  await expect(engineer.getByText("Waiting for approval").first()).toBeVisible();
  expect(await approvalState(first)).toEqual({ approvalState: "PENDING", authorLevel: "JUNIOR" });

  // The admin promotes them to senior.
  await row.getByRole("link", { name: person.name }).click();
  await page
    .getByRole("form", { name: `Edit ${person.name}` })
    .getByLabel("Level")
    .selectOption({ label: "Senior" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("A new level applies to changes registered from now on");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").filter({ hasText: "user.level_changed" })).toContainText("JUNIOR → SENIOR");
  await page.screenshot({ path: "/tmp/admin-user-detail.png", fullPage: true });

  // Their next AI-assisted change needs no approval; the earlier one keeps its state.
  await engineer.reload();
  await expect(engineer.getByText("engineer · senior")).toBeVisible();
  const second = await registerChange(engineer, {
    title: `Basket tweak after promotion ${stamp}`,
    service: serviceName,
    ai: { tool: "GitHub Copilot", involvement: "Co-authored" },
  });
  await expect(engineer.getByRole("region", { name: "Approval" })).toContainText("Not required");
  expect(await approvalState(second)).toEqual({ approvalState: "NOT_REQUIRED", authorLevel: "SENIOR" });
  await engineer.goto(`/changes/${first}`);
  await expect(engineer.getByRole("region", { name: "Approval" })).toContainText("Waiting for approval");
  expect(await approvalState(first)).toEqual({ approvalState: "PENDING", authorLevel: "JUNIOR" });

  // Archiving the service removes it from the register form; the changes keep it, and the filter still finds them.
  await page.goto("/admin/teams");
  await page
    .getByRole("form", { name: `Archive service ${serviceName}` })
    .getByRole("button", { name: "Archive" })
    .click();
  await expect(team.getByText("Archived")).toBeVisible();
  await team
    .getByRole("form", { name: `Archive team ${teamName}` })
    .getByRole("button", { name: "Archive" })
    .click();
  await expect(
    page.getByRole("region", { name: `Team ${teamName}` }).getByRole("button", { name: "Unarchive" }),
  ).toHaveCount(2);
  await page.screenshot({ path: "/tmp/admin-teams.png", fullPage: true });
  await engineer.goto("/changes/new");
  await expect(engineer.getByLabel("Service").locator("option", { hasText: serviceName })).toHaveCount(0);
  await engineer.goto("/changes");
  await engineer
    .getByRole("search", { name: "Filter changes" })
    .getByLabel("Service")
    .selectOption({ label: `${serviceName} (archived)` });
  await engineer.getByRole("button", { name: "Apply" }).click();
  await expect(engineer.getByRole("row")).toHaveCount(3);
  await expect(engineer.getByRole("row").nth(1)).toContainText(serviceName);
  await engineer.context().close();
});

test("deactivating a user ends their session at once; the audit log filters and exports as CSV", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const person = { name: `Dee Activated ${stamp}`, email: `dee.${stamp}@example.test`, level: "Mid-level" };
  await signIn(page, DEMO.admin);
  await createUserThroughForm(page, person);
  const engineer = await signedInPage(browser, person.email, PASSWORD);

  await page.getByRole("row").filter({ hasText: person.email }).getByRole("link", { name: person.name }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  const userId = Number(/\/admin\/users\/(\d+)/.exec(page.url())![1]);
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status")).toContainText("Deactivated: their sessions have ended.");
  await expect(page.getByRole("heading", { name: person.name })).toContainText("Deactivated");

  // The open session stops working on the next request, and signing in again is refused.
  await engineer.goto("/changes");
  await expect(engineer).toHaveURL(/\/login/);
  await engineer.getByLabel("Email").fill(person.email);
  await engineer.getByLabel("Password").fill(PASSWORD);
  await engineer.getByRole("button", { name: "Sign in" }).click();
  await expect(engineer.getByText("This account is deactivated. Ask an admin to reactivate it.")).toBeVisible();
  await engineer.context().close();

  // The deactivated user is still listed, under "Deactivated".
  await page.goto("/admin/users?status=deactivated");
  await expect(page.getByRole("row").filter({ hasText: person.email })).toContainText("Deactivated");

  // The audit log: filter by entity and actor, then export what is shown.
  const adminId = await withDb(
    async (client) =>
      (await client.query<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.admin])).rows[0].id,
  );
  await page.getByRole("link", { name: "Audit log" }).click();
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Actor", { exact: true }).selectOption(`u${adminId}`);
  await filters.getByLabel("Entity type").selectOption("User");
  await filters.getByLabel("Entity id").fill(String(userId));
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`entityId=${userId}`));
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("user.deactivated");
  await expect(rows.nth(2)).toContainText("user.created");
  await expect(rows.nth(2)).toContainText(person.email);
  await page.screenshot({ path: "/tmp/admin-audit.png", fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^faultline-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  await testInfo.attach("audit.csv", { body: csv, contentType: "text/csv" });
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("id,at,actor_id,actor_name,actor_email,actor_label,action,entity_type,entity_id,before,after");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`,user.deactivated,User,${userId},`);
  expect(lines[2]).toContain(`,user.created,User,${userId},`);

  // The export route: CSV for an admin, 403 for others (above), the sign-in page when signed out.
  const response = await page.request.get(`/admin/audit/export?entityType=User&entityId=${userId}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const anonymous = await (await browser.newContext()).request.get("/admin/audit/export", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/login/);
});
