import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const EXPECTED = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers).toMatchObject(EXPECTED);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline' 'strict-dynamic"); // no inline scripts without the nonce
  return /'nonce-([^']+)'/.exec(csp)![1];
}

test("every kind of response carries the security headers, with a fresh nonce each time", async ({ page, request }) => {
  const login = await request.get("/login");
  const html = await login.text();
  const nonce = expectSecurityHeaders(login.headers());
  // Next.js put this request's nonce on its scripts.
  expect(html).toContain(`nonce="${nonce}"`);
  expect(expectSecurityHeaders((await request.get("/login")).headers())).not.toBe(nonce);

  expectSecurityHeaders((await request.get("/api/health")).headers());
  expectSecurityHeaders((await request.get("/api/v1/incidents")).headers()); // 401 problem details
  expectSecurityHeaders((await request.get("/icon.svg")).headers());
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
  const asset = await request.get(script);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset.headers());
  expectSecurityHeaders((await request.get("/incidents", { maxRedirects: 0 })).headers()); // redirect to sign in

  await signIn(page, DEMO.manager);
  const dashboard = await page.request.get("/dashboard");
  expect(dashboard.status()).toBe(200);
  expectSecurityHeaders(dashboard.headers());
  // Over http there is no HSTS; behind an https proxy there is.
  expect(dashboard.headers()["strict-transport-security"]).toBeUndefined();
  const viaHttps = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(viaHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
});

test("another site cannot frame the app (clickjacking)", async ({ page, baseURL }) => {
  await signIn(page, DEMO.manager);
  await page.setContent(`<iframe id="victim" src="${baseURL}/approvals" width="800" height="600"></iframe>`);
  const frame = page.frame({ url: /\/approvals/ });
  // The browser refuses to render it: the frame stays empty (no Approve button to click).
  await page.waitForTimeout(1500);
  const buttons = frame
    ? await frame
        .getByRole("button")
        .count()
        .catch(() => 0)
    : 0;
  expect(buttons).toBe(0);
});

/** Collects what the browser reports as CSP violations while the page runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test("the main pages run without a single CSP violation", async ({ page }) => {
  test.setTimeout(150_000); // ten pages on a busy machine
  const violations = await watchCsp(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to your organisation" })).toBeVisible();
  await signIn(page, DEMO.admin);
  const paths = [
    "/incidents",
    "/incidents/new",
    "/changes",
    "/approvals",
    "/reports",
    "/account",
    "/admin/users",
    "/admin/settings",
    "/help/definitions",
    "/help/api",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("the dashboard's charts (Recharts' inline styles) run without a CSP violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await signIn(page, DEMO.manager);
  // Client-side navigation, then a full load of the same page.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Weekly trends" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.reload();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
