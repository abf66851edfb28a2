import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { newApiToken } from "@/lib/server/auth/api-token";
import { githubSignature } from "@/lib/server/services/integrations/webhook-auth";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { alertmanagerPayload, pullRequestPayload } from "@/lib/server/testing/webhook-payloads";
import {
  hostileContentType,
  hostileKey,
  hostileRawBody,
  hostileScalar,
  hostileValue,
  jsonPaths,
  withHostileKey,
  withValueAt,
} from "@/lib/server/testing/hostile-values";

// Hostile input against every operation of the OpenAPI document (the document is iterated, not
// hand-listed; webhooks are in it too), through the real route handlers, with a real token, on a
// real database. Each run takes a valid request for the operation and spoils one thing: a body
// field (any depth), a body key, a query parameter, a path parameter, the content type, or the
// whole body. Whatever comes back must not be a 5xx, must be problem details when it is an error,
// and an error must leave every table as it was. Seeded and bounded: the same runs every time.

const SEED = 13_2026;
const RUNS_PER_OPERATION = Number(process.env.HOSTILE_RUNS ?? 24);
const AM_SECRET = "whsec_hostile_alertmanager";
const GH_SECRET = "whsec_hostile_github";
/** Logs that record refusals on purpose (webhook rejections) and counters every request bumps. */
const TABLES_ALLOWED_TO_CHANGE = new Set(["RejectedDelivery", "RateLimit", "_prisma_migrations"]);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Operation = {
  path: string;
  method: string;
  operation: {
    parameters?: { in: string; name: string }[];
    requestBody?: { content: Record<string, { example?: unknown }> };
    responses: Record<string, { content?: Record<string, unknown> }>;
  };
};

const document = buildOpenApiDocument("http://faultline.test");
const operations: Operation[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item ?? {}).map(([method, operation]) => ({
    path,
    method,
    operation: operation as Operation["operation"],
  })),
);
const routeModules = import.meta.glob<Record<string, Handler>>("../../../app/api/v1/**/route.ts");

let database: TestDatabase;
const db = () => database.connection.prisma;
let token = "";
const fixture = { incidentId: 0, changeId: 0, approvalChangeId: 0, githubId: 0, alertmanagerId: 0, serviceSlug: "" };
let countTables: () => Promise<Record<string, number>>;

beforeAll(async () => {
  process.env.FAULTLINE_API_RATE_LIMIT = "1000000";
  database = await useTestDatabase();
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  const service = await createTestService(db());
  fixture.serviceSlug = service.slug;
  const issued = newApiToken();
  token = issued.token;
  await db().apiToken.create({
    data: {
      name: "hostile",
      tokenHash: issued.hash,
      prefix: issued.prefix,
      scopes: ["read", "changes:write", "incidents:write", "approve"],
      createdById: admin.id,
    },
  });
  const incident = await db().incident.create({
    data: { title: "Baseline incident", severity: "SEV3", impactStartedAt: new Date(), declaredById: admin.id },
  });
  fixture.incidentId = incident.id;
  // What the document's examples name: the author, the AI tool and the change "deploy-8841".
  await createTestUser(db(), { email: "mid@faultline.dev" });
  await db().aiTool.create({ data: { name: "Copilot (hostile)", slug: "copilot" } });
  const shippedAt = new Date("2026-11-01T00:00:00Z");
  const change = await db().change.create({
    data: {
      source: "ci",
      externalId: "baseline-1",
      kind: "DEPLOY",
      title: "Baseline",
      serviceId: service.id,
      shippedAt,
    },
  });
  fixture.changeId = change.id;
  // Evidence already posted for it, so GET /changes/{id}/attribution has something to answer.
  await db().changeAttribution.create({
    data: {
      changeId: change.id,
      source: "git-ai",
      schemaVersion: "authorship/3.0.0",
      aiLines: 10,
      humanLines: 30,
      totalLines: 40,
      aiShare: 0.25,
      agents: [{ tool: "claude", model: "claude-sonnet-4-5", lines: 10 }],
      declaredAiAssisted: false,
      thresholdApplied: 0.2,
    },
  });
  await db().change.create({
    data: {
      source: "github-actions",
      externalId: "deploy-8841",
      kind: "DEPLOY",
      title: "Example",
      serviceId: service.id,
    },
  });
  await db().incidentChange.create({ data: { incidentId: incident.id, changeId: change.id, role: "SUSPECTED" } });
  // A junior's AI-assisted change waiting for a senior (the token's creator) to decide.
  const junior = await createTestUser(db(), { level: "JUNIOR" });
  const waiting = await db().change.create({
    data: {
      source: "ci",
      externalId: "baseline-approval",
      kind: "PULL_REQUEST",
      title: "Waiting for approval",
      serviceId: service.id,
      authorId: junior.id,
      authorLevel: "JUNIOR",
      aiAssisted: true,
      approvalRequired: true,
      approvalState: "PENDING",
    },
  });
  fixture.approvalChangeId = waiting.id;
  const integration = (kind: "GITHUB" | "ALERTMANAGER", secret: string, config: object) =>
    db().integration.create({ data: { kind, name: `hostile ${kind}`, secret, createdById: admin.id, config } });
  fixture.githubId = (
    await integration("GITHUB", GH_SECRET, { repositories: { "acme/checkout": service.slug }, defaultService: null })
  ).id;
  fixture.alertmanagerId = (
    await integration("ALERTMANAGER", AM_SECRET, {
      severityLabel: "severity",
      severities: { critical: "SEV1", warning: "SEV3" },
      defaultSeverity: "SEV3",
      serviceLabel: "service",
      services: {},
      defaultService: service.slug,
    })
  ).id;
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const watched = tables.map((t) => t.name).filter((name) => !TABLES_ALLOWED_TO_CHANGE.has(name));
  const sql = watched.map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(" UNION ALL ");
  countTables = async () =>
    Object.fromEntries(
      (await db().$queryRawUnsafe<{ name: string; n: number }[]>(sql)).map((row) => [row.name, row.n]),
    );
}, 120_000);
afterAll(async () => {
  delete process.env.FAULTLINE_API_RATE_LIMIT;
  await database?.dispose();
});

const QUERY_BASELINE: Record<string, string> = { externalId: "deploy-8841", source: "github-actions" };

/** A request the operation accepts, before any spoiling. */
async function baseline(op: Operation) {
  const params: Record<string, string> = {};
  for (const name of op.path.match(/\{(\w+)\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
    params[name] =
      name === "week"
        ? "2026-W47"
        : op.path.endsWith("/approval")
          ? String(fixture.approvalChangeId)
          : name === "changeId" || (name === "id" && op.path.startsWith("/changes"))
            ? String(fixture.changeId)
            : name === "integrationId"
              ? String(op.path.includes("github") ? fixture.githubId : fixture.alertmanagerId)
              : String(fixture.incidentId);
  }
  let body: unknown = op.operation.requestBody?.content["application/json"]?.example;
  if (op.path.startsWith("/webhooks/github"))
    body = pullRequestPayload({ number: 1 + Math.floor(Math.random() * 1e6) });
  if (op.path.startsWith("/webhooks/alertmanager"))
    body = alertmanagerPayload({
      groupKey: `{}:{alertname="Hostile${randomUUID()}"}`,
      alerts: [{ alertname: "Hostile", fingerprint: "f1", severity: "warning", startsAt: "2026-11-20T10:00:00Z" }],
    });
  if (body !== undefined)
    body = JSON.parse(JSON.stringify(body).replaceAll('"checkout"', JSON.stringify(fixture.serviceSlug)));
  if (op.method === "patch" && op.path === "/incidents/{id}") {
    const { version, severity } = await db().incident.findUniqueOrThrow({ where: { id: fixture.incidentId } });
    body = { version, severity: severity === "SEV3" ? "SEV4" : "SEV3", reason: "hostile-input test" };
  }
  const query = (op.operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const values = Object.fromEntries(query.filter((name) => name in QUERY_BASELINE).map((n) => [n, QUERY_BASELINE[n]]));
  return { params, body, query, values };
}

type Spoil =
  | { kind: "field"; pick: number; value: unknown }
  | { kind: "key"; pick: number; key: string }
  | { kind: "query"; pick: number; value: string }
  | { kind: "path"; pick: number; value: string }
  | { kind: "content-type"; value: string }
  | { kind: "raw"; value: string };

const spoil: fc.Arbitrary<Spoil> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("field" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("key" as const), pick: fc.nat(), key: hostileKey }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("query" as const), pick: fc.nat(), value: hostileScalar }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("path" as const), pick: fc.nat(), value: hostileScalar }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("content-type" as const), value: hostileContentType }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("raw" as const), value: hostileRawBody }) },
);

async function buildRequest(
  op: Operation,
  change: Spoil,
): Promise<{ request: Request; params: Record<string, string> }> {
  const { params, body, query, values } = await baseline(op);
  const search = new URLSearchParams(values);
  let text = body === undefined ? undefined : JSON.stringify(body);
  let contentType = "application/json";
  if (change.kind === "field" && body !== undefined) {
    const paths = jsonPaths(body);
    text = JSON.stringify(withValueAt(body, paths[change.pick % paths.length], change.value));
  } else if (change.kind === "key" && body !== undefined) {
    text = withHostileKey(body, change.pick, change.key);
  } else if (change.kind === "query") {
    const names = query.length ? query : ["q"];
    search.set(names[change.pick % names.length], change.value);
  } else if (change.kind === "path") {
    const names = Object.keys(params);
    if (names.length) params[names[change.pick % names.length]] = change.value;
  } else if (change.kind === "content-type") {
    contentType = change.value;
  } else if (change.kind === "raw" && op.method !== "get" && op.method !== "delete") {
    text = change.value;
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": contentType };
  if (op.path.startsWith("/webhooks/alertmanager")) headers.authorization = `Bearer ${AM_SECRET}`;
  if (op.path.startsWith("/webhooks/github")) {
    delete headers.authorization;
    headers["x-github-event"] = "pull_request";
    headers["x-github-delivery"] = randomUUID();
    headers["x-hub-signature-256"] = githubSignature(GH_SECRET, text ?? "");
  }
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name].toWellFormed()));
  const url = `http://faultline.test/api/v1${path}${search.size ? `?${search}` : ""}`;
  return { request: new Request(url, { method: op.method.toUpperCase(), headers, body: text }), params };
}

async function handlerOf(op: Operation): Promise<Handler> {
  const file = `../../../app/api/v1${op.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  const routeModule = await routeModules[file]();
  return routeModule[op.method.toUpperCase()];
}

describe("hostile input against every documented operation", () => {
  it("covers every operation of the document, webhooks included", () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
    expect(operations.map((op) => op.path)).toEqual(expect.arrayContaining(["/webhooks/github/{integrationId}"]));
  });

  for (const op of operations) {
    it(`${op.method.toUpperCase()} ${op.path}: no 5xx, problem details, nothing written on a 4xx`, async () => {
      const handler = await handlerOf(op);
      expect(handler, "route module exports the method").toBeTypeOf("function");
      // The unspoiled request is accepted, so a refusal below is caused by the spoiled part.
      const valid = await buildRequest(op, { kind: "content-type", value: "application/json" });
      const accepted = await handler(valid.request, { params: Promise.resolve(valid.params) });
      expect(accepted.status, `${op.method} ${op.path} baseline: ${await accepted.clone().text()}`).toBeLessThan(300);
      await fc.assert(
        fc.asyncProperty(spoil, async (change) => {
          const { request, params } = await buildRequest(op, change);
          const before = await countTables();
          const response = await handler(request, { params: Promise.resolve(params) });
          const what = `${op.method.toUpperCase()} ${request.url} ${JSON.stringify(change).slice(0, 300)}`;
          expect(response.status, what).toBeLessThan(500);
          if (response.status < 400) return;
          const documented = op.operation.responses[String(response.status)]?.content ?? {};
          if ("application/json" in documented) return; // e.g. the deploy gate's documented 404 decision
          expect(response.headers.get("content-type"), what).toContain("application/problem+json");
          const problem = await response.json();
          expect(problem, what).toMatchObject({
            title: expect.any(String),
            status: response.status,
            detail: expect.any(String),
          });
          expect(await countTables(), `${what}: a refused request wrote rows`).toEqual(before);
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    });
  }
});
