/** The /metrics token the e2e server on PostgreSQL gets (playwright.config.ts) and e2e/operations.spec.ts sends. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-not-for-production";
