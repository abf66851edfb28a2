import { expect, test, type Browser, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { DEMO, signIn, signOut } from "./support/auth";
import { withDb } from "./support/db";

/** A person of their own (changing a demo password would disturb the other specs). */
async function createUser(email: string, password: string) {
  const hash = await bcrypt.hash(password, 4);
  await withDb((client) =>
    client.query(
      `INSERT INTO "User" (email, name, "passwordHash", role, level, "updatedAt") VALUES ($1, $2, $3, 'ENGINEER', 'MID', now())`,
      [email, "Account Tester", hash],
    ),
  );
}

/** Another browser (own cookies), on the same app. */
const otherBrowser = (browser: Browser) => browser.newPage({ baseURL: test.info().project.use.baseURL });

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(confirm);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("changing the password: the old one stops working, the new one works", async ({ page }) => {
  await createUser("password-change@faultline.dev", "first-password-123");
  await signIn(page, "password-change@faultline.dev", "first-password-123");
  await page.getByRole("link", { name: /Account Tester/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await changePassword(page, "not-my-password", "second-password-456");
  await expect(page.getByText("The current password is wrong. Type it again.").first()).toBeVisible();
  await changePassword(page, "first-password-123", "short");
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await changePassword(page, "first-password-123", "second-password-456", "second-password-457");
  await expect(page.getByText("The two new passwords differ.")).toBeVisible();
  await changePassword(page, "first-password-123", "second-password-456");
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  await page.screenshot({ path: "/tmp/sso-account.png", fullPage: true });

  await page.goto("/incidents");
  await signOut(page);
  await page.getByLabel("Email").fill("password-change@faultline.dev");
  await page.getByLabel("Password").fill("first-password-123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await signIn(page, "password-change@faultline.dev", "second-password-456");
});

test("my sessions: sign out one, then everywhere else; those browsers are signed out at once", async ({
  browser,
  page,
}) => {
  test.slow(); // three browsers sign in
  await createUser("sessions@faultline.dev", "sessions-password-1");
  const laptop = await otherBrowser(browser);
  const phone = await otherBrowser(browser);
  for (const other of [laptop, phone]) await signIn(other, "sessions@faultline.dev", "sessions-password-1");
  await signIn(page, "sessions@faultline.dev", "sessions-password-1");

  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "Your sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(4); // header + 3 sessions
  await expect(sessions.getByRole("row").filter({ hasText: "This session" })).toHaveCount(1);
  await expect(
    sessions.getByRole("row").filter({ hasText: "This session" }).getByRole("button", { name: "Sign out" }),
  ).toHaveCount(0);

  // Sessions are listed newest first: the phone's is the second row after mine.
  await sessions.getByRole("row").nth(2).getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await phone.goto("/incidents");
  await expect(phone).toHaveURL(/\/login/);

  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed out 1 other session." })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await laptop.goto("/incidents");
  await expect(laptop).toHaveURL(/\/login/);

  // This browser is still signed in; signing out here ends it too.
  await page.goto("/incidents");
  await expect(page.getByText("Account Tester")).toBeVisible();
  await signOut(page);
  const live = await withDb((client) =>
    client.query(
      `SELECT count(*)::int AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'sessions@faultline.dev' AND s."revokedAt" IS NULL`,
    ),
  );
  expect(live.rows[0].n).toBe(0);
});

test("admin settings: a new time zone moves the dashboard's days", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  await expect(page.getByRole("link", { name: "approval policy", exact: true })).toHaveAttribute(
    "href",
    "/admin/policy",
  );
  await page.screenshot({ path: "/tmp/sso-settings.png", fullPage: true });

  const statsMatchZone = (zone: string) =>
    withDb(async (client) => {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM (
           (SELECT day, sum(shipped)::int AS n FROM "DailyChangeStat" GROUP BY day HAVING sum(shipped) > 0
            EXCEPT SELECT ("shippedAt" AT TIME ZONE $1)::date, count(*)::int FROM "Change" WHERE "shippedAt" IS NOT NULL GROUP BY 1)
           UNION ALL
           (SELECT ("shippedAt" AT TIME ZONE $1)::date, count(*)::int FROM "Change" WHERE "shippedAt" IS NOT NULL GROUP BY 1
            EXCEPT SELECT day, sum(shipped)::int FROM "DailyChangeStat" GROUP BY day HAVING sum(shipped) > 0)) AS diff`,
        [zone],
      );
      return rows[0].n === 0;
    });
  expect(await statsMatchZone("UTC")).toBe(true);
  expect(await statsMatchZone("Pacific/Kiritimati")).toBe(false);

  try {
    await page.getByLabel("Time zone").selectOption("Pacific/Kiritimati");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Dashboard statistics were rebuilt" })).toBeVisible();
    expect(await statsMatchZone("Pacific/Kiritimati")).toBe(true);
    await page.reload();
    await expect(page.getByLabel("Time zone")).toHaveValue("Pacific/Kiritimati");
  } finally {
    await page.getByLabel("Time zone").selectOption("UTC");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Dashboard statistics were rebuilt" })).toBeVisible();
  }
  expect(await statsMatchZone("UTC")).toBe(true);
});

test("admin settings: switching password sign-in off leaves only single sign-on on the sign-in page", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Give the organisation a name of at least 2 characters.")).toBeVisible();
  await name.fill("Faultline");
  await page.getByLabel("Allow sign-in with email and password").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  try {
    const visitor = await otherBrowser(browser);
    await visitor.goto("/login");
    await expect(visitor.getByRole("link", { name: "Sign in with Test Identity" })).toBeVisible();
    await expect(visitor.getByLabel("Password")).toHaveCount(0);
    await expect(visitor.getByText("Password sign-in is switched off for this organisation.")).toBeVisible();
    await visitor.close();
  } finally {
    await page.getByLabel("Allow sign-in with email and password").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  }
});

test("only admins see the settings page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/admin/settings");
  await expect(page.getByText("Only admins change the organisation settings")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});
