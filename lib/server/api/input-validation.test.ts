import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listChanges, POST as postChange } from "@/app/api/v1/changes/route";
import { GET as getChange } from "@/app/api/v1/changes/[id]/route";
import { GET as listIncidents } from "@/app/api/v1/incidents/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as getWeekly } from "@/app/api/v1/reports/weekly/[week]/route";
import { POST as githubWebhook } from "@/app/api/v1/webhooks/github/[integrationId]/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { githubSignature } from "@/lib/server/services/integrations/webhook-auth";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { pullRequestPayload } from "@/lib/server/testing/webhook-payloads";

// One test per bullet of issue 13's "500s from input" and API-contract sections.

let database: TestDatabase;
const db = () => database.connection.prisma;
let token = "";
let serviceSlug = "";
let githubId = 0;

beforeAll(async () => {
  database = await useTestDatabase();
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  const service = await createTestService(db());
  serviceSlug = service.slug;
  const issued = newApiToken();
  token = issued.token;
  await db().apiToken.create({
    data: {
      name: "validation",
      tokenHash: issued.hash,
      prefix: issued.prefix,
      scopes: ["read", "changes:write"],
      createdById: admin.id,
    },
  });
  githubId = (
    await db().integration.create({
      data: {
        kind: "GITHUB",
        name: "gh",
        secret: "whsec_v",
        createdById: admin.id,
        config: { repositories: { "acme/checkout": service.slug }, defaultService: null },
      },
    })
  ).id;
});
afterAll(() => database.dispose());

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
function call<P>(
  handler: Handler<P>,
  path: string,
  init: { method?: string; body?: string; contentType?: string; params?: P } = {},
) {
  return handler(
    new Request(`http://faultline.test/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { authorization: `Bearer ${token}`, "content-type": init.contentType ?? "application/json" },
      body: init.body,
    }),
    { params: Promise.resolve((init.params ?? {}) as P) },
  );
}
const change = (externalId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ externalId, kind: "DEPLOY", title: "Deploy it", service: serviceSlug, ...extra });

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return body;
}

describe("POST /changes refuses before writing", () => {
  it("a lone surrogate is a 422 and no row is left behind (it used to commit and answer 500)", async () => {
    const before = await db().change.count();
    const problem = await expectProblem(
      await call(postChange, "/changes", { body: change("lone-1", { title: "Deploy \ud800 it" }) }),
      422,
    );
    expect(problem.errors).toEqual({ title: [expect.stringMatching(/surrogate/)] });
    expect(await db().change.count()).toBe(before);
  });

  it("NUL anywhere, and __proto__ or constructor keys, are 422", async () => {
    for (const body of [
      change("nul-1", { description: "a\u0000b" }),
      change("nul-2").replace("{", '{"__proto__": {"x": 1},'),
      change("nul-3").replace("{", '{"constructor": 1,'),
    ])
      await expectProblem(await call(postChange, "/changes", { body }), 422);
    expect(await db().change.count({ where: { externalId: { startsWith: "nul-" } } })).toBe(0);
  });

  it("a body that is not JSON by its content type is a 415; one over 5 MB is a 413", async () => {
    for (const contentType of ["text/plain", "application/xml", "multipart/form-data; boundary=x"])
      await expectProblem(await call(postChange, "/changes", { body: change("ct-1"), contentType }), 415);
    const huge = change("big-1", { description: "x".repeat(6 * 1024 * 1024) });
    await expectProblem(await call(postChange, "/changes", { body: huge }), 413);
    expect(await db().change.count({ where: { externalId: { in: ["ct-1", "big-1"] } } })).toBe(0);
  });

  it("dates outside 2000 … tomorrow and impossible days are 422", async () => {
    for (const shippedAt of [
      "0000-01-01T00:00:00Z",
      "1900-01-01T00:00:00Z",
      "2026-02-30T10:00:00Z",
      "9999-01-01T00:00:00Z",
    ])
      await expectProblem(
        await call(postChange, "/changes", { body: change(`date-${shippedAt}`, { shippedAt }) }),
        422,
      );
  });
});

describe("ids, weeks, days and flags in paths and queries", () => {
  it("path ids of 2^31 or not whole numbers are a 422 naming the rule", async () => {
    for (const id of ["2147483648", "99999999999", "-1", "1.5", "abc", "0"]) {
      const problem = await expectProblem(await call(getChange, `/changes/${id}`, { params: { id } }), 422);
      expect(problem.errors.id[0]).toContain("2147483647");
    }
    await expectProblem(await call(getChange, "/changes/2147483647", { params: { id: "2147483647" } }), 404);
  });

  it("weeks 0000-W01 and 9999-W52 are 4xx, not 500", async () => {
    for (const week of ["0000-W01", "9999-W52", "1999-W52"]) {
      const response = await call(getWeekly, `/reports/weekly/${week}`, { params: { week } });
      expect(response.status, week).toBeGreaterThanOrEqual(400);
      expect(response.status, week).toBeLessThan(500);
    }
  });

  it("from=2026-02-30 is refused, not rolled over; NUL in ?q= is a 422", async () => {
    await expectProblem(await call(listChanges, "/changes?from=2026-02-30"), 422);
    await expectProblem(await call(getMetrics, "/metrics?from=0000-01-01&to=2026-01-01"), 422);
    await expectProblem(await call(listIncidents, "/incidents?q=a%00b"), 422);
    await expectProblem(await call(listChanges, `/changes?service=${serviceSlug}%00`), 422);
  });

  it("yes/no flags read the same on every endpoint: true/false, yes/no, 1/0", async () => {
    for (const value of ["true", "yes", "1", "false", "no", "0"]) {
      expect((await call(listChanges, `/changes?ai=${value}`)).status, `changes ai=${value}`).toBe(200);
      expect((await call(listIncidents, `/incidents?ai=${value}&blast=${value}`)).status, value).toBe(200);
    }
    await expectProblem(await call(listChanges, "/changes?ai=maybe"), 422);
  });
});

describe("GitHub webhook dates", () => {
  it("a pull request merged in 9999 ships no change in 9999: 422, no row", async () => {
    const body = JSON.stringify(pullRequestPayload({ number: 9999, mergedAt: "9999-01-01T00:00:00Z" }));
    const response = await githubWebhook(
      new Request(`http://faultline.test/api/v1/webhooks/github/${githubId}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": githubSignature("whsec_v", body),
        },
        body,
      }),
      { params: Promise.resolve({ integrationId: String(githubId) }) },
    );
    await expectProblem(response, 422);
    expect(await db().change.count({ where: { source: "github" } })).toBe(0);
  });
});
