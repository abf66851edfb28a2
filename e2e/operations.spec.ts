// Operating Faultline (issue 18, item 3) against the real server: request ids on every kind of
// response, /metrics for Prometheus (token, route patterns, promtool), readiness.
import { expect, test } from "@playwright/test";
import { promtoolCheckMetrics, samples } from "../lib/server/testing/promtool";
import { DEMO, signIn } from "./support/auth";
import { withDb } from "./support/db";
import { E2E_METRICS_TOKEN } from "./support/metrics-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("every response carries a request id: the client's when well-formed, else a new one", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.manager);
  const kept = await page.request.get("/incidents", { headers: { "x-request-id": "e2e-trace-0001" } });
  expect(kept.status()).toBe(200);
  expect(kept.headers()["x-request-id"]).toBe("e2e-trace-0001");

  const replaced = await request.get("/api/health", { headers: { "x-request-id": "has spaces\tand tabs" } });
  expect(replaced.headers()["x-request-id"]).toMatch(UUID);
  const tooLong = await request.get("/login", { headers: { "x-request-id": "a".repeat(129) } });
  expect(tooLong.headers()["x-request-id"]).toMatch(UUID);

  // Problem details quote the same id as the header.
  const problem = await request.get("/api/v1/incidents", { headers: { "x-request-id": "e2e-trace-0002" } });
  expect(problem.status()).toBe(401);
  expect(problem.headers()["x-request-id"]).toBe("e2e-trace-0002");
  expect((await problem.json()).requestId).toBe("e2e-trace-0002");
  const generated = await request.get("/api/v1/incidents");
  expect((await generated.json()).requestId).toBe(generated.headers()["x-request-id"]);
});

test("/metrics needs the token, passes promtool, and labels requests by route pattern", async ({ page, request }) => {
  expect((await request.get("/metrics")).status()).toBe(401);
  expect(
    (await request.get("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status(),
  ).toBe(401);
  // A page with an id in its path, and a path that matches no route.
  const id = await withDb(async (client) => {
    const rows = await client.query<{ id: number }>(`SELECT id FROM "Incident" ORDER BY id DESC LIMIT 1`);
    return rows.rows[0].id;
  });
  await signIn(page, DEMO.manager);
  expect((await page.request.get(`/incidents/${id}`)).status()).toBe(200);
  await request.get("/no-such-page-4711");

  const response = await request.get("/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const check = promtoolCheckMetrics(text);
  expect(check.output).toBe("");
  expect(check.ok).toBe(true);
  const series = [...samples(text).keys()];
  const durations = series.filter((name) => name.startsWith("faultline_http_request_duration_seconds_count"));
  expect(durations).toContain(
    'faultline_http_request_duration_seconds_count{method="GET",route="/incidents/[id]",status="200"}',
  );
  expect(durations.some((name) => name.includes('route="unmatched"'))).toBe(true);
  // No raw path ever becomes a label.
  expect(series.some((name) => name.includes(`/incidents/${id}"`) || name.includes("no-such-page"))).toBe(false);
  // The demo organisation has open incidents and changes waiting for approval.
  const values = samples(text);
  const open = ["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => values.get(`faultline_incidents_open{severity="${s}"}`));
  expect(open.every((value) => typeof value === "number")).toBe(true);
  const expected = await withDb(async (client) => {
    const rows = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Change" WHERE "approvalState" = 'PENDING' AND "approvalRequired" AND "shippedAt" IS NULL`,
    );
    return rows.rows[0].n;
  });
  expect(values.get("faultline_changes_waiting_for_approval")).toBe(expected);
  expect(values.get("faultline_database_up")).toBe(1);
});

test("/api/ready says ready beside /api/health", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", database: "ok", migrations: { pending: 0 } });
  expect((await request.get("/api/health")).status()).toBe(200);
});
