import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { GET as getChange } from "@/app/api/v1/changes/[id]/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { consumeApiRateLimit } from "./rate-limit";

// Route handlers called with real Request objects against a real database: the pieces the
// e2e suite cannot set up cheaply (a tiny rate limit, exact audit rows, races inside one process).

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());
afterEach(() => {
  delete process.env.FAULTLINE_API_RATE_LIMIT;
});

async function createToken(scopes: string[], name = "ci-deploy") {
  const db = database.connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  const { token, hash, prefix } = newApiToken();
  const row = await db.apiToken.create({ data: { name, tokenHash: hash, prefix, scopes, createdById: admin.id } });
  return { token, id: row.id, admin };
}

const call = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  init: { method?: string; path: string; token: string; body?: unknown; headers?: Record<string, string>; params?: P },
) =>
  handler(
    new Request(`http://faultline.test/api/v1${init.path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json", ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve((init.params ?? {}) as P) },
  );

describe("rate limit per token", () => {
  it("counts requests per token in a shared window and refuses the one over the limit", async () => {
    const a = await createToken(["read"]);
    const b = await createToken(["read"]);
    const states = [];
    for (let i = 0; i < 4; i += 1) states.push(await consumeApiRateLimit(a.id, 3));
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false]);
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0]);
    expect(states[3].resetSeconds).toBeGreaterThanOrEqual(1);
    expect(states[3].resetSeconds).toBeLessThanOrEqual(60);
    // Another token has its own budget.
    expect((await consumeApiRateLimit(b.id, 3)).remaining).toBe(2);
  });

  it("answers 429 with Retry-After and RateLimit headers once FAULTLINE_API_RATE_LIMIT is used up", async () => {
    process.env.FAULTLINE_API_RATE_LIMIT = "2";
    const { token } = await createToken(["read"]);
    const answers = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(await call(getChange, { path: "/changes/999999", token, params: { id: "999999" } }));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(answers[0].headers.get("ratelimit-limit")).toBe("2");
    expect(answers[0].headers.get("ratelimit-remaining")).toBe("1");
    const limited = answers[2];
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(await limited.json()).toMatchObject({
      status: 429,
      title: "Too many requests",
      detail: expect.stringContaining("Retry-After"),
    });
  });
});

describe("changes through the API", () => {
  it("upserts by (source, externalId): 201 then 200, one row, audited as the token", async () => {
    const db = database.connection.prisma;
    const { token, admin } = await createToken(["changes:write", "read"], "ci-deploy");
    const service = await createTestService(db);
    const change = {
      source: "ci",
      externalId: `deploy-${Date.now()}`,
      kind: "DEPLOY",
      title: "Deploy one",
      service: service.slug,
    };
    const first = await call(postChange, { path: "/changes", token, body: change });
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({
      outcome: "created",
      service: { slug: service.slug },
      url: `http://faultline.test/changes/${created.id}`,
    });
    const again = await call(postChange, {
      path: "/changes",
      token,
      body: { ...change, title: "Deploy one (retitled)" },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: created.id, outcome: "updated", title: "Deploy one (retitled)" });
    expect(await db.change.count({ where: { externalId: change.externalId } })).toBe(1);
    const audit = await db.auditLog.findMany({
      where: { entityType: "Change", entityId: String(created.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.actorLabel])).toEqual([
      [admin.id, "API token ci-deploy"],
      [admin.id, "API token ci-deploy"],
    ]);
  });

  it("ends with one row when 20 posts of the same change race", async () => {
    const db = database.connection.prisma;
    const { token } = await createToken(["changes:write"]);
    const service = await createTestService(db);
    const change = {
      source: "ci",
      externalId: `race-${Date.now()}`,
      kind: "DEPLOY",
      title: "Raced deploy",
      service: service.slug,
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(postChange, { path: "/changes", token, body: change })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(await db.change.count({ where: { externalId: change.externalId } })).toBe(1);
  });

  it("names unknown services, authors and tools in field errors and saves nothing", async () => {
    const db = database.connection.prisma;
    const { token } = await createToken(["changes:write"]);
    const response = await call(postChange, {
      path: "/changes",
      token,
      body: {
        externalId: "x-1",
        kind: "DEPLOY",
        title: "Bad refs",
        service: "paymnts",
        author: "nobody@example.test",
        aiTool: "no-such-tool",
      },
    });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual({
      service: [expect.stringContaining('Unknown service "paymnts"')],
      author: [expect.stringContaining('Unknown author "nobody@example.test"')],
      aiTool: [expect.stringContaining('Unknown AI tool "no-such-tool"')],
    });
    expect(await db.change.count({ where: { externalId: "x-1" } })).toBe(0);
  });
});

describe("Idempotency-Key on incident creation", () => {
  it("replays the first answer for a retry, refuses the key with another body, and audits the token", async () => {
    const db = database.connection.prisma;
    const { token, admin } = await createToken(["incidents:write"], "alertmanager");
    const service = await createTestService(db);
    const body = {
      title: "Checkout 502s",
      severity: "SEV2",
      impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
      services: [service.slug],
    };
    const key = `key-${Date.now()}`;
    const first = await call(postIncident, { path: "/incidents", token, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const incident = await first.json();
    const retry = await call(postIncident, { path: "/incidents", token, body, headers: { "idempotency-key": key } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect((await retry.json()).id).toBe(incident.id);
    expect(await db.incident.count({ where: { title: "Checkout 502s" } })).toBe(1);

    const other = await call(postIncident, {
      path: "/incidents",
      token,
      body: { ...body, title: "Something else" },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect((await other.json()).errors).toHaveProperty("Idempotency-Key");

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Incident", entityId: String(incident.id) },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      actorLabel: "API token alertmanager",
      action: "incident.declared",
    });
  });

  it("frees the key when the first attempt failed validation, so a corrected retry works", async () => {
    const db = database.connection.prisma;
    const { token } = await createToken(["incidents:write"]);
    const service = await createTestService(db);
    const key = `key-fix-${Date.now()}`;
    const bad = await call(postIncident, {
      path: "/incidents",
      token,
      body: { title: "x", severity: "SEV9", impactStartedAt: "now", services: [] },
      headers: { "idempotency-key": key },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(["impactStartedAt", "services", "severity", "title"]);
    const good = await call(postIncident, {
      path: "/incidents",
      token,
      body: {
        title: "Fixed retry",
        severity: "SEV3",
        impactStartedAt: new Date().toISOString(),
        services: [service.slug],
      },
      headers: { "idempotency-key": key },
    });
    expect(good.status).toBe(201);
  });
});
