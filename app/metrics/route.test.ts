import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/metrics/route";
import { getMetrics } from "@/lib/server/observability/metrics";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { promtoolCheckMetrics, samples } from "@/lib/server/testing/promtool";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

const TOKEN = "test-metrics-token-0123456789abcdef";
let database: TestDatabase;

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  GET(new Request("http://127.0.0.1/metrics", { headers }));

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  const author = await createTestUser(db, { level: "JUNIOR" });
  const service = await createTestService(db);
  const at = new Date("2026-11-30T10:00:00Z");
  await db.incident.createMany({
    data: [
      { title: "a", severity: "SEV1", impactStartedAt: at },
      { title: "b", severity: "SEV2", impactStartedAt: at },
      { title: "c", severity: "SEV2", impactStartedAt: at, status: "MONITORING" },
      { title: "d", severity: "SEV2", impactStartedAt: at, status: "RESOLVED", resolvedAt: at },
    ],
  });
  const change = (data: Record<string, unknown>) =>
    db.change.create({
      data: { kind: "DEPLOY", title: "x", serviceId: service.id, authorId: author.id, authorLevel: "JUNIOR", ...data },
    });
  await change({ aiAssisted: true, approvalRequired: true, approvalState: "PENDING" }); // waiting
  await change({ aiAssisted: true, approvalRequired: true, approvalState: "PENDING", shippedAt: at }); // violation
  await change({ aiAssisted: true, approvalRequired: true, approvalState: "APPROVED" }); // approved, not shipped
  const hook = await db.outboundWebhook.create({
    data: { name: "r", url: "http://127.0.0.1:9/hook", events: ["incident.declared"], secret: "s" },
  });
  await db.outboundDelivery.createMany({
    data: [
      { webhookId: hook.id, event: "incident.declared", eventId: "e1", payload: {} },
      { webhookId: hook.id, event: "incident.declared", eventId: "e2", payload: {}, attempts: 2 },
      { webhookId: hook.id, event: "incident.declared", eventId: "e3", payload: {}, status: "FAILED", attempts: 8 },
      { webhookId: hook.id, event: "incident.declared", eventId: "e4", payload: {}, status: "SUCCEEDED" },
    ],
  });
  const slack = await db.outboundWebhook.create({
    data: { name: "s", kind: "SLACK", url: "…/services/…WXYZ", events: ["incident.declared"], secret: "sealed" },
  });
  await db.outboundDelivery.createMany({
    data: [
      { webhookId: slack.id, event: "incident.declared", eventId: "s1", payload: {}, status: "FAILED", attempts: 1 },
      { emailTo: "a@example.test", event: "change.approval_needed", eventId: "m1", payload: {} },
      { emailTo: "b@example.test", event: "change.approval_needed", eventId: "m1", payload: {} },
    ],
  });
});

afterAll(() => database?.dispose());

afterEach(() => {
  delete process.env.FAULTLINE_METRICS_TOKEN;
});

describe("GET /metrics", () => {
  it("does not exist until FAULTLINE_METRICS_TOKEN is set, and says how to turn it on", async () => {
    const response = await scrape();
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toContain("FAULTLINE_METRICS_TOKEN");
  });

  it("refuses a weak configured token, and any request without the exact token", async () => {
    process.env.FAULTLINE_METRICS_TOKEN = "short";
    expect((await scrape()).status).toBe(503);
    process.env.FAULTLINE_METRICS_TOKEN = TOKEN;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}0` },
      { authorization: `Basic ${TOKEN}` },
    ];
    for (const headers of attempts) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      const body = await response.json();
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toContain(TOKEN);
    }
  });

  it("serves Prometheus text that promtool accepts, with the database's figures", async () => {
    process.env.FAULTLINE_METRICS_TOKEN = TOKEN;
    getMetrics().httpDuration.observe({ method: "GET", route: "/incidents/[id]", status: "200" }, 0.042);
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const check = promtoolCheckMetrics(text);
    expect(check.output).toBe("");
    expect(check.ok).toBe(true);

    const values = samples(text);
    expect(values.get('faultline_incidents_open{severity="SEV1"}')).toBe(1);
    expect(values.get('faultline_incidents_open{severity="SEV2"}')).toBe(2);
    expect(values.get('faultline_incidents_open{severity="SEV4"}')).toBe(0);
    expect(values.get("faultline_changes_waiting_for_approval")).toBe(1);
    expect(values.get('faultline_outbound_queue_depth{kind="webhook"}')).toBe(2);
    expect(values.get('faultline_outbound_queue_retrying{kind="webhook"}')).toBe(1);
    expect(values.get('faultline_outbound_deliveries_failed{kind="webhook"}')).toBe(1);
    expect(values.get('faultline_outbound_queue_depth{kind="integration"}')).toBe(0);
    expect(values.get('faultline_outbound_deliveries_failed{kind="slack"}')).toBe(1);
    expect(values.get('faultline_outbound_queue_depth{kind="email"}')).toBe(2);
    expect(values.get("faultline_database_up")).toBe(1);
    expect(values.get("faultline_db_pool_max_connections")).toBe(4);
    expect(values.has('faultline_db_pool_connections{state="idle"}')).toBe(true);
    expect(
      values.get('faultline_http_request_duration_seconds_count{method="GET",route="/incidents/[id]",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(values.has("process_resident_memory_bytes")).toBe(true);
  });

  it("gives ten concurrent scrapes the same, complete figures", async () => {
    process.env.FAULTLINE_METRICS_TOKEN = TOKEN;
    const texts = await Promise.all(Array.from({ length: 10 }, () => scrape().then((response) => response.text())));
    for (const text of texts) {
      const values = samples(text);
      expect(values.get('faultline_incidents_open{severity="SEV2"}')).toBe(2);
      expect(values.get("faultline_changes_waiting_for_approval")).toBe(1);
      expect(values.get('faultline_outbound_queue_depth{kind="webhook"}')).toBe(2);
    }
  });

  it("still answers (database_up 0, no stale figures) when the database is down", async () => {
    process.env.FAULTLINE_METRICS_TOKEN = TOKEN;
    const holder = globalThis as typeof globalThis & { __faultlineDb?: unknown };
    const real = holder.__faultlineDb;
    const broken = {
      ...database.connection,
      prisma: { $transaction: () => Promise.reject(new Error("ECONNREFUSED")) },
    };
    holder.__faultlineDb = broken;
    try {
      const response = await scrape();
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(promtoolCheckMetrics(text).ok).toBe(true);
      const values = samples(text);
      expect(values.get("faultline_database_up")).toBe(0);
      expect([...values.keys()].some((key) => key.startsWith("faultline_incidents_open"))).toBe(false);
    } finally {
      holder.__faultlineDb = real;
    }
  });
});
