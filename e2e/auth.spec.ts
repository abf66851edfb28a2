import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";

test("a signed-out visitor is sent to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/incidents/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents%2Fnew/);
  await expect(page.getByRole("heading", { name: "Sign in to your organisation" })).toBeVisible();
  await page.getByLabel("Email").fill(DEMO.junior);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents\/new$/);
  await expect(page.getByRole("heading", { name: "Declare an incident" })).toBeVisible();
});

test("a wrong password gets a clear message, and the form checks its fields first", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await page.getByLabel("Email").fill(DEMO.mid);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, DEMO.senior);
  await expect(page.getByText("engineer · senior")).toBeVisible();
  await signOut(page);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login/);
});

test("API routes of the app answer 401-style redirects only for pages, and health is public", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, kind: "postgres" } });
});
