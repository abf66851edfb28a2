import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./support/auth";
import { withDb } from "./support/db";

// The app runs with FAULTLINE_OIDC_* pointing at a real oidc-provider on E2E_PORT + 50
// (playwright.config.ts, e2e/support/oidc-server.mjs). Its login form takes any login.
const OIDC_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 50}`;

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Test Identity" }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ORIGIN}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password works here");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const userRow = (email: string) =>
  withDb(
    async (client) =>
      (
        await client.query(`SELECT id, name, role, level, "passwordHash", "oidcSubject" FROM "User" WHERE email = $1`, [
          email,
        ])
      ).rows[0],
  );

test("the sign-in page offers single sign-on next to email and password", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Sign in with Test Identity" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await page.screenshot({ path: "/tmp/sso-login.png", fullPage: true });
});

test("a first single sign-on creates the user with the default role and level", async ({ page }) => {
  await withDb((client) =>
    client.query(`UPDATE "OrgSettings" SET "ssoDefaultRole" = 'ENGINEER', "ssoDefaultLevel" = 'JUNIOR' WHERE id = 1`),
  );
  try {
    expect(await userRow("grace.hopper@sso.example")).toBeUndefined();
    await signInAtProvider(page, "grace.hopper@sso.example");
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByText("Grace Hopper")).toBeVisible();
    await expect(page.getByText("engineer · junior")).toBeVisible();
    expect(await userRow("grace.hopper@sso.example")).toMatchObject({
      name: "Grace Hopper",
      role: "ENGINEER",
      level: "JUNIOR",
      passwordHash: null,
      oidcSubject: "sub-grace.hopper@sso.example",
    });

    await page.goto("/account");
    await expect(page.getByRole("row").filter({ hasText: "This session" })).toContainText("Single sign-on");
  } finally {
    await withDb((client) =>
      client.query(`UPDATE "OrgSettings" SET "ssoDefaultRole" = 'ENGINEER', "ssoDefaultLevel" = 'MID' WHERE id = 1`),
    );
  }
});

test("single sign-on links an existing user by a verified email, and never by an unverified one", async ({ page }) => {
  const before = await userRow(DEMO.junior);
  expect(before.oidcSubject).toBeNull();

  await signInAtProvider(page, `unverified.${DEMO.junior}`);
  await expect(page).toHaveURL(/\/login\?error=SsoEmailUnverified/);
  await expect(
    page.getByRole("alert").filter({ hasText: "has not verified the address, so it was not linked" }),
  ).toBeVisible();
  expect((await userRow(DEMO.junior)).oidcSubject).toBeNull();

  await page.context().clearCookies();
  await signInAtProvider(page, DEMO.junior);
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByText("engineer · junior")).toBeVisible();
  const after = await userRow(DEMO.junior);
  expect(after).toMatchObject({ id: before.id, oidcSubject: `sub-${DEMO.junior}`, passwordHash: expect.any(String) });
  const audit = await withDb((client) =>
    client.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'user.sso_linked' AND "entityId" = $1`, [
      String(before.id),
    ]),
  );
  expect(audit.rows[0].n).toBe(1);
});

test("a deactivated user is refused with a clear message", async ({ page }) => {
  await signInAtProvider(page, "leaver@sso.example");
  await expect(page).toHaveURL(/\/incidents$/);
  await withDb((client) =>
    client.query(`UPDATE "User" SET active = false, "deactivatedAt" = now() WHERE email = 'leaver@sso.example'`),
  );
  await page.context().clearCookies();
  await signInAtProvider(page, "leaver@sso.example");
  await expect(page).toHaveURL(/\/login\?error=SsoDeactivated/);
  await expect(page.getByRole("alert").filter({ hasText: "This account is deactivated" })).toBeVisible();
});
