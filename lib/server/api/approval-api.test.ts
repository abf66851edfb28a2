import { integrationActor } from "@/lib/server/auth/actor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { POST as postApproval } from "@/app/api/v1/changes/[id]/approval/route";
import { GET as getGate } from "@/app/api/v1/deploy-gate/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// Issue #12 over HTTP: the same bypasses as approval-bypass.test.ts, through the API's doors.

let database: TestDatabase;
let junior: SessionUser, senior: SessionUser, senior2: SessionUser;
let ciToken: string, serviceSlug: string;
const db = () => database.connection.prisma;

async function tokenFor(user: SessionUser, scopes: string[]) {
  const { token, hash, prefix } = newApiToken();
  await db().apiToken.create({ data: { name: `t-${prefix}`, tokenHash: hash, prefix, scopes, createdById: user.id } });
  return token;
}
const call = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  init: { path: string; token: string; body?: unknown; params?: P },
) =>
  handler(
    new Request(`http://faultline.test/api/v1${init.path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve((init.params ?? {}) as P) },
  );

beforeAll(async () => {
  database = await useTestDatabase();
  junior = await createTestUser(db(), { level: "JUNIOR" });
  senior = await createTestUser(db(), { level: "SENIOR" });
  senior2 = await createTestUser(db(), { level: "SENIOR" });
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  ciToken = await tokenFor(admin, ["changes:write", "read"]);
  serviceSlug = (await createTestService(db())).slug;
  await db().aiTool.create({ data: { name: "Copilot", slug: "copilot" } });
});
afterAll(() => database.dispose());

let counter = 0;
const post = (body: Record<string, unknown>) => call(postChange, { path: "/changes", token: ciToken, body });
const gate = async (externalId: string) => {
  const response = await call(getGate, {
    path: `/deploy-gate?externalId=${encodeURIComponent(externalId)}&source=ci`,
    token: ciToken,
  });
  return (await response.json()).decision as string;
};
const newChange = (extra: Record<string, unknown>) => ({
  source: "ci",
  externalId: `http-${(counter += 1)}`,
  kind: "DEPLOY",
  title: "Change over HTTP",
  service: serviceSlug,
  ...extra,
});

describe("POST /api/v1/changes re-evaluates approval on every post", () => {
  it("denies at the gate once a junior's change is re-posted as AI-assisted", async () => {
    const body = newChange({ author: junior.email, aiAssisted: false });
    expect((await post(body)).status).toBe(201);
    expect(await gate(body.externalId)).toBe("allow");
    expect((await post({ ...body, aiAssisted: true, aiTool: "copilot" })).status).toBe(200);
    expect(await gate(body.externalId)).toBe("deny");
  });

  it("denies at the gate once a senior's AI change is re-posted with a junior author", async () => {
    const body = newChange({ author: senior.email, aiAssisted: true, aiTool: "copilot" });
    await post(body);
    expect(await gate(body.externalId)).toBe("allow");
    await post({ ...body, author: junior.email });
    expect(await gate(body.externalId)).toBe("deny");
  });
});

describe("POST /api/v1/changes/{id}/approval", () => {
  const approve = (id: number, token: string, body: unknown = { decision: "approve", comment: "ok" }) =>
    call(postApproval, { path: `/changes/${id}/approval`, token, body, params: { id: String(id) } });
  const juniorAiChange = async () => {
    const body = newChange({ author: junior.email, aiAssisted: true, aiTool: "copilot" });
    return { id: (await (await post(body)).json()).id as number, externalId: body.externalId };
  };

  it("lets a senior's approve-scoped token approve, and the gate allows", async () => {
    const change = await juniorAiChange();
    expect(await gate(change.externalId)).toBe("deny");
    const response = await approve(change.id, await tokenFor(senior, ["approve"]));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: change.id, approval: { state: "APPROVED" } });
    expect(await gate(change.externalId)).toBe("allow");
  });

  it("refuses a token without the approve scope, the author's own token and a junior's token (403)", async () => {
    const change = await juniorAiChange();
    expect((await approve(change.id, await tokenFor(senior, ["read", "changes:write"]))).status).toBe(403);
    expect((await approve(change.id, await tokenFor(junior, ["approve"]))).status).toBe(403);
    expect(await gate(change.externalId)).toBe("deny");
  });

  it("answers 422 for a bad decision, 404 for an unknown change, and a rejection needs a comment", async () => {
    const change = await juniorAiChange();
    const token = await tokenFor(senior, ["approve"]);
    expect((await approve(change.id, token, { decision: "maybe" })).status).toBe(422);
    expect((await approve(change.id, token, { decision: "reject" })).status).toBe(422);
    expect((await approve(99_999_999, token)).status).toBe(404);
    expect((await approve(change.id, token, "not json")).status).toBe(422);
  });

  it("has one winner when two seniors decide at once", async () => {
    const change = await juniorAiChange();
    const [a, b] = await Promise.all([
      approve(change.id, await tokenFor(senior, ["approve"])),
      approve(change.id, await tokenFor(senior2, ["approve"]), { decision: "reject", comment: "not this way" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await db().approvalDecision.count({ where: { changeId: change.id, decision: { not: "REQUESTED" } } })).toBe(
      1,
    );
  });
});

describe("GET /api/v1/deploy-gate by repository and pull request or commit", () => {
  const ask = async (query: string) => {
    const response = await call(getGate, { path: `/deploy-gate?${query}`, token: ciToken });
    return { status: response.status, body: await response.json() };
  };
  it("finds an open pull request by number and by head commit (full or 7+ prefix), and denies it until approved", async () => {
    const service = await db().service.findFirstOrThrow({ where: { slug: serviceSlug } });
    const sha = "abcdef0123456789abcdef0123456789abcdef01";
    const [created] = await ingestChanges(integrationActor("test", null), [
      {
        source: "github",
        externalId: "acme/gate/pull/123",
        kind: "PULL_REQUEST",
        title: "PR 123",
        serviceId: service.id,
        repository: "acme/gate",
        authorId: junior.id,
        aiAssisted: true,
        pullRequestNumber: 123,
        headSha: sha,
      },
    ]);
    for (const query of [
      "repository=acme/gate&pr=123",
      `repository=acme/gate&sha=${sha}`,
      "repository=ACME/gate&sha=ABCDEF0",
    ])
      expect(await ask(query)).toMatchObject({ status: 200, body: { decision: "deny", change: { id: created.id } } });
    expect((await ask("repository=acme/gate&pr=124")).body).toMatchObject({
      decision: "deny",
      reason: "unknown_change",
    });
    expect((await ask(`repository=acme/other&sha=${sha}`)).status).toBe(404);
    expect((await ask(`externalId=${encodeURIComponent("acme/gate/pull/123")}&source=github`)).status).toBe(200);
  });
  it("answers 422 for a missing repository, a bad SHA, pr and sha together, or nothing at all", async () => {
    for (const query of [
      "pr=5",
      "repository=acme/gate&sha=xyz",
      "repository=acme/gate&pr=1&sha=abcdef0",
      "",
      "repository=acme/gate&pr=-1",
    ])
      expect((await ask(query)).status, query).toBe(422);
  });
});
