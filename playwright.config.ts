import { defineConfig } from "@playwright/test";
import { resolveChromium } from "./e2e/support/chromium";
import { E2E_METRICS_TOKEN } from "./e2e/support/metrics-token";

// E2E_PORT lets several checkouts run their suites side by side (default 3100 and 3101).
const POSTGRES_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMBEDDED_PORT = POSTGRES_PORT + 1;
// A real OpenID Connect provider for e2e/sso.spec.ts (e2e/support/oidc-server.mjs); the app on POSTGRES_PORT uses it.
const OIDC_PORT = POSTGRES_PORT + 50;
// e2e/notifications.spec.ts starts its own SMTP server here; the app on POSTGRES_PORT sends mail to it.
const SMTP_PORT = POSTGRES_PORT + 60;
const OIDC_ENV = {
  FAULTLINE_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  FAULTLINE_OIDC_CLIENT_ID: "faultline-e2e",
  FAULTLINE_OIDC_CLIENT_SECRET: "e2e-oidc-secret-not-for-production",
  FAULTLINE_OIDC_NAME: "Test Identity",
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: resolveChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "postgres", testIgnore: /embedded\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${POSTGRES_PORT}` } },
    { name: "embedded", testMatch: /embedded\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } },
  ],
  webServer: [
    {
      command: `node e2e/support/serve.mjs postgres ${POSTGRES_PORT}`,
      // Outbound webhook retries within seconds, not minutes (e2e/outbound-webhooks.spec.ts).
      env: {
        ...OIDC_ENV,
        FAULTLINE_WEBHOOK_BACKOFF_MS: process.env.FAULTLINE_WEBHOOK_BACKOFF_MS ?? "1000",
        FAULTLINE_WEBHOOK_POLL_MS: process.env.FAULTLINE_WEBHOOK_POLL_MS ?? "500",
        // /metrics is served only with a token (e2e/operations.spec.ts).
        FAULTLINE_METRICS_TOKEN: E2E_METRICS_TOKEN,
        // One JSON line per request would drown the test output; FAULTLINE_LOG_LEVEL=info shows them.
        FAULTLINE_LOG_LEVEL: process.env.FAULTLINE_LOG_LEVEL ?? "warn",
        FAULTLINE_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        FAULTLINE_SMTP_FROM: "Faultline e2e <faultline@e2e.test>",
      },
      url: `http://127.0.0.1:${POSTGRES_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `node e2e/support/serve.mjs embedded ${EMBEDDED_PORT}`,
      env: { FAULTLINE_LOG_LEVEL: process.env.FAULTLINE_LOG_LEVEL ?? "warn" },
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `node e2e/support/oidc-server.mjs ${OIDC_PORT} http://127.0.0.1:${POSTGRES_PORT}`,
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      env: OIDC_ENV,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
