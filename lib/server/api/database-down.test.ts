import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/incidents/route";
import { GET as getIncidents } from "@/app/api/v1/incidents/route";
import { POST as githubWebhook } from "@/app/api/v1/webhooks/github/[integrationId]/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { startPrivatePostgres, type PrivatePostgres } from "@/lib/server/testing/private-postgres";

// PostgreSQL stopped and started under a stream of idempotent writes, on a private throwaway
// server: while it is down every answer is a 503 problem with Retry-After (never a 500), and
// retrying each request with its key afterwards leaves exactly one incident per key.

let server: PrivatePostgres;
let connection: DbConnection;
let token: string;
let serviceSlug: string;
const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };

beforeAll(async () => {
  server = await startPrivatePostgres();
  connection = openConnection({ kind: "postgres", url: server.url }, { poolSize: 4 });
  await connection.withSession((session) => applyMigrations(session));
  holder.__faultlineDb = connection;
  const db = connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  serviceSlug = (await createTestService(db)).slug;
  const created = newApiToken();
  await db.apiToken.create({
    data: {
      name: "pager",
      tokenHash: created.hash,
      prefix: created.prefix,
      scopes: ["incidents:write", "read"],
      createdById: admin.id,
    },
  });
  token = created.token;
});
afterAll(async () => {
  if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
  await connection?.close().catch(() => undefined);
  server?.dispose();
});

const headers = (key?: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
  ...(key ? { "idempotency-key": key } : {}),
});
const impactStartedAt = new Date(Date.now() - 60_000).toISOString();
// A retry sends the very same body (a different one with the same key is a 422).
const bodyFor = (key: string) =>
  JSON.stringify({
    title: `Outage ${key}`,
    severity: "SEV2",
    impactStartedAt,
    services: [serviceSlug],
  });
const post = (key: string) =>
  POST(
    new Request("http://faultline.test/api/v1/incidents", {
      method: "POST",
      headers: headers(key),
      body: bodyFor(key),
    }),
    {
      params: Promise.resolve({}),
    },
  );

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 503, title: "Service unavailable" });
}

describe("PostgreSQL stopped and started during writes", () => {
  it("answers 503 + Retry-After while down, never 500, and retries by key leave exactly one row each", async () => {
    const run = Date.now().toString(36);
    const keys: string[] = [];
    const statuses: number[] = [];
    const send = async (key: string) => {
      const response = await post(key);
      statuses.push(response.status);
      return response;
    };
    // Writes before, during the shutdown (some in flight when it happens) and while down.
    for (let i = 0; i < 5; i += 1) keys.push(`${run}-before-${i}`);
    for (const key of keys) expect((await send(key)).status).toBe(201);
    const inFlight = Array.from({ length: 6 }, (_, i) => `${run}-inflight-${i}`);
    keys.push(...inFlight);
    const racing = inFlight.map((key) => send(key));
    server.stop();
    const raced = await Promise.all(racing);
    for (const response of raced) expect([201, 503]).toContain(response.status);
    for (let i = 0; i < 5; i += 1) {
      const key = `${run}-down-${i}`;
      keys.push(key);
      await expectUnavailable(await send(key));
    }
    await expectUnavailable(
      await getIncidents(new Request("http://faultline.test/api/v1/incidents", { headers: headers() }), {
        params: Promise.resolve({}),
      }),
    );
    // Inbound webhooks too: a 5xx with Retry-After makes GitHub and Alertmanager retry later.
    const delivery = await githubWebhook(
      new Request("http://faultline.test/api/v1/webhooks/github/1", {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": run },
        body: "{}",
      }),
      { params: Promise.resolve({ integrationId: "1" }) },
    );
    await expectUnavailable(delivery);
    expect(statuses).not.toContain(500);

    server.start();
    // The client retries every request with its own key until it is answered.
    for (const key of keys) {
      let response = await post(key);
      for (let attempt = 0; response.status === 503 && attempt < 20; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await post(key);
      }
      expect(response.status).toBe(201);
      expect((await response.json()).title).toBe(`Outage ${key}`);
    }
    const rows = await connection.prisma.incident.groupBy({
      by: ["title"],
      where: { title: { startsWith: `Outage ${run}-` } },
      _count: { _all: true },
    });
    expect(rows).toHaveLength(keys.length);
    expect(rows.every((row) => row._count._all === 1)).toBe(true);
  });
});
