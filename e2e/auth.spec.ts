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

test("a hostile callbackUrl never leads away from the app after sign-in", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ["%2F%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example"]) {
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(DEMO.junior);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    expect(new URL(page.url()).origin).toBe(origin);
    await signOut(page);
  }
});

test("sign-in throttling counts the real client, whatever X-Forwarded-For claims", async ({ request }) => {
  const email = `nobody-${Date.now()}@example.test`;
  const attempt = async (forwardedFor: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: "a-wrong-guess", json: "true" },
      headers: { "x-forwarded-for": forwardedFor, "x-faultline-peer-address": forwardedFor },
      maxRedirects: 0,
    });
    return decodeURIComponent(response.headers()["location"] ?? (await response.text()));
  };
  for (let i = 1; i <= 5; i += 1) expect(await attempt(`198.51.100.${i}`)).toContain("Wrong email or password");
  expect(await attempt("198.51.100.99")).toContain("Too many sign-in attempts");
});
