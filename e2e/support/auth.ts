import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { withDb } from "./db";

/** The demo organisation's fixed sign-ins (lib/server/demo). */
export const DEMO = {
  password: "faultline-demo",
  admin: "admin@faultline.dev",
  manager: "manager@faultline.dev",
  senior: "senior@faultline.dev",
  mid: "mid@faultline.dev",
  junior: "junior@faultline.dev",
} as const;

/** The secret e2e/support/serve.mjs gives the servers it starts. */
export const E2E_NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";

/**
 * Signs a person in. Tests about signing in pass a password and go through the form; every other
 * test gets a session made the way a sign-in makes it (a UserSession row and the JWT cookie that
 * names it, as epic-stack's fixtures do), which is faster and independent of sign-in throttling.
 * The embedded project's database lives inside its server process, so there the form is used.
 */
export async function signIn(page: Page, email: string, password?: string) {
  if (password !== undefined || test.info().project.name === "embedded") {
    await signInThroughForm(page, email, password ?? DEMO.password);
    return;
  }
  await page.context().addCookies([await sessionCookie(email, test.info().project.use.baseURL)]);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/incidents/);
}

export async function signInThroughForm(page: Page, email: string, password: string = DEMO.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents/);
}

const SESSION_SECONDS = 8 * 60 * 60;

async function sessionCookie(email: string, baseURL: string | undefined) {
  const sid = randomBytes(24).toString("base64url");
  const user = await withDb(async (client) => {
    const found = await client.query<{ id: number; name: string; role: string; level: string }>(
      `SELECT id, name, role, level FROM "User" WHERE email = $1 AND active`,
      [email],
    );
    if (!found.rows[0]) throw new Error(`No active user ${email} in the e2e database.`);
    await client.query(
      `INSERT INTO "UserSession" (id, "userId", method, "userAgent", "expiresAt")
       VALUES ($1, $2, 'password', 'Playwright (stored session)', now() + make_interval(secs => $3))`,
      [sid, found.rows[0].id, SESSION_SECONDS],
    );
    return found.rows[0];
  });
  const value = await encode({
    secret: E2E_NEXTAUTH_SECRET,
    maxAge: SESSION_SECONDS,
    token: { sub: String(user.id), uid: user.id, email, name: user.name, role: user.role, level: user.level, sid },
  } as Parameters<typeof encode>[0]);
  if (!baseURL) throw new Error("Playwright's baseURL is needed to set the session cookie.");
  return { name: "next-auth.session-token", value, url: baseURL, httpOnly: true, sameSite: "Lax" as const };
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
