import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/webhooks/github/[integrationId]/route";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { deploymentStatusPayload, pullRequestPayload } from "@/lib/server/testing/webhook-payloads";
import { githubSignature } from "./webhook-auth";

let database: TestDatabase;
const db = () => database.connection.prisma;
const SECRET = "whsec_test_github";
let integrationId: number;
let serviceSlug: string;
let serviceId: number;
let copilotId: number;
let mappedUserId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  const service = await createTestService(db());
  serviceSlug = service.slug;
  serviceId = service.id;
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  const author = await createTestUser(db(), { level: "SENIOR" });
  mappedUserId = author.id;
  await db().user.update({ where: { id: author.id }, data: { githubLogin: "Sam-Senior" } });
  copilotId = (
    await db().aiTool.create({ data: { name: "GitHub Copilot", slug: "github-copilot", aliases: ["copilot"] } })
  ).id;
  await db().aiTool.create({ data: { name: "Claude Code", slug: "claude-code", aliases: ["claude", "claude-code"] } });
  const integration = await db().integration.create({
    data: {
      kind: "GITHUB",
      name: "acme GitHub",
      secret: SECRET,
      createdById: admin.id,
      config: { repositories: { "acme/checkout": serviceSlug }, defaultService: null },
    },
  });
  integrationId = integration.id;
  await db().aiDetectionRule.createMany({
    data: [
      { kind: "PR_LABEL", pattern: "ai-assisted", aiToolId: copilotId, involvement: "CO_AUTHORED", position: 0 },
      { kind: "COAUTHOR_TRAILER", pattern: "*", involvement: "CO_AUTHORED", position: 1 },
      { kind: "PR_CHECKBOX", pattern: "AI assistance", involvement: "SUGGESTED", position: 2 },
    ],
  });
}, 120_000);
afterAll(() => database?.dispose());

function deliver(
  payload: unknown,
  options: {
    event?: string;
    delivery?: string;
    secret?: string;
    signature?: string | null;
    id?: number | string;
    raw?: string;
  } = {},
) {
  const body = options.raw ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/abc123",
    "x-github-event": options.event ?? "pull_request",
    "x-github-delivery": options.delivery ?? randomUUID(),
    "x-github-hook-id": "470162148",
  };
  const signature =
    options.signature === undefined ? githubSignature(options.secret ?? SECRET, body) : options.signature;
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  const id = String(options.id ?? integrationId);
  return POST(new Request(`http://localhost/api/v1/webhooks/github/${id}`, { method: "POST", headers, body }), {
    params: Promise.resolve({ integrationId: id }),
  });
}

const changeOf = (externalId: string) =>
  db().change.findUnique({ where: { source_externalId: { source: "github", externalId } } });

describe("GitHub webhook", () => {
  it("answers ping", async () => {
    const response = await deliver({ zen: "Keep it logically awesome.", hook_id: 1 }, { event: "ping" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "pong" });
  });

  it("a merged PR with the label becomes an AI-assisted change with the rule stored and the mapped author", async () => {
    const response = await deliver(
      pullRequestPayload({ number: 101, labels: ["ai-assisted", "payments"], login: "sam-senior" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "processed",
      result: { outcome: "created", aiDetectedBy: "label:ai-assisted", unmappedLogin: null },
    });
    expect(await changeOf("acme/checkout/pull/101")).toMatchObject({
      kind: "PULL_REQUEST",
      serviceId,
      authorId: mappedUserId,
      aiAssisted: true,
      aiToolId: copilotId,
      aiInvolvement: "CO_AUTHORED",
      aiDetectedBy: "label:ai-assisted",
      shippedAt: new Date("2026-11-20T14:32:10Z"),
      title: "Retry payment capture on gateway timeouts",
    });
    const audit = await db().auditLog.findFirst({
      where: { entityType: "Change", action: "change.ingested" },
      orderBy: { id: "desc" },
    });
    expect(audit?.actorLabel).toBe("GitHub integration acme GitHub");
  });

  it("a Co-authored-by trailer of a known AI tool marks the change, with the tool from its alias", async () => {
    await deliver(
      pullRequestPayload({
        number: 102,
        body: "Refactor.\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        login: "nobody-known",
      }),
    );
    const change = await changeOf("acme/checkout/pull/102");
    expect(change).toMatchObject({ aiAssisted: true, aiDetectedBy: "trailer:Claude", authorId: null });
    expect(change?.aiToolId).toBe((await db().aiTool.findUniqueOrThrow({ where: { slug: "claude-code" } })).id);
    expect(change?.description).toContain("@nobody-known is not mapped");
  });

  it("a ticked template checkbox marks the change; an unticked one does not", async () => {
    await deliver(
      pullRequestPayload({ number: 103, body: "## Checklist\n- [x] AI assistance was used (autocomplete)" }),
    );
    expect(await changeOf("acme/checkout/pull/103")).toMatchObject({
      aiAssisted: true,
      aiDetectedBy: "checkbox:AI assistance",
      aiInvolvement: "SUGGESTED",
    });
    await deliver(pullRequestPayload({ number: 104 }));
    expect(await changeOf("acme/checkout/pull/104")).toMatchObject({ aiAssisted: false, aiDetectedBy: null });
  });

  it("keeps an opened PR unshipped, abandons it when closed unmerged, and ignores other actions and events (202)", async () => {
    const opened = await deliver(pullRequestPayload({ number: 105, action: "opened", merged: false }));
    expect(opened.status).toBe(200);
    expect(await changeOf("acme/checkout/pull/105")).toMatchObject({ shippedAt: null });
    const assigned = await deliver(pullRequestPayload({ number: 105, action: "assigned", merged: false }));
    expect(assigned.status).toBe(202);
    const closed = await deliver(pullRequestPayload({ number: 105, merged: false }));
    expect(closed.status).toBe(200);
    const row = await db().change.findFirstOrThrow({ where: { externalId: "acme/checkout/pull/105" } });
    expect(row.shippedAt).toBeNull();
    expect(row.abandonedAt).not.toBeNull();
    const push = await deliver({ ref: "refs/heads/main" }, { event: "push" });
    expect(push.status).toBe(202);
  });

  it("a retried delivery is processed once", async () => {
    const delivery = randomUUID();
    const payload = pullRequestPayload({ number: 106, labels: ["ai-assisted"] });
    expect((await deliver(payload, { delivery })).status).toBe(200);
    const retry = await deliver(payload, { delivery });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ status: "duplicate" });
    const change = await changeOf("acme/checkout/pull/106");
    expect(await db().auditLog.count({ where: { entityType: "Change", entityId: String(change!.id) } })).toBe(1);
  });

  it("concurrent identical deliveries create one change and one processed delivery", async () => {
    const delivery = randomUUID();
    const payload = pullRequestPayload({ number: 107 });
    const responses = await Promise.all(Array.from({ length: 6 }, () => deliver(payload, { delivery })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.filter((body) => body.status === "processed")).toHaveLength(1);
    expect(await db().change.count({ where: { source: "github", externalId: "acme/checkout/pull/107" } })).toBe(1);
    expect(await db().processedDelivery.count({ where: { deliveryKey: delivery } })).toBe(1);
  });

  it("a successful deployment status records a DEPLOY change; a failed one is ignored", async () => {
    const ok = await deliver(deploymentStatusPayload({ deploymentId: 5001, login: "sam-senior" }), {
      event: "deployment_status",
    });
    expect(ok.status).toBe(200);
    expect(await changeOf("acme/checkout@deployment-5001")).toMatchObject({
      kind: "DEPLOY",
      authorId: mappedUserId,
      shippedAt: new Date("2026-11-20T15:02:00Z"),
      aiAssisted: false,
    });
    const failed = await deliver(deploymentStatusPayload({ deploymentId: 5002, state: "failure" }), {
      event: "deployment_status",
    });
    expect(failed.status).toBe(202);
    expect(await changeOf("acme/checkout@deployment-5002")).toBeNull();
  });

  it("a bad signature is a 401 and lands in the rejected log without the signature", async () => {
    const response = await deliver(pullRequestPayload({ number: 108 }), {
      secret: "wrong-secret",
      delivery: "bad-sig-1",
    });
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toContain("X-Hub-Signature-256");
    const missing = await deliver(pullRequestPayload({ number: 108 }), { signature: null });
    expect(missing.status).toBe(401);
    const rejected = await db().rejectedDelivery.findFirst({
      where: { integrationId },
      orderBy: { id: "desc" },
      skip: 1,
    });
    expect(rejected).toMatchObject({ source: "github", status: 401, event: "pull_request" });
    expect(rejected?.headers).toMatchObject({
      "x-github-delivery": "bad-sig-1",
      "user-agent": "GitHub-Hookshot/abc123",
    });
    expect(JSON.stringify(rejected?.headers)).not.toContain("sha256=");
    expect(rejected?.body).toContain('"number":108');
    expect(await changeOf("acme/checkout/pull/108")).toBeNull();
  });

  it("malformed JSON, a payload missing fields, an unmapped repository and an unknown integration are 4xx with a reason, logged", async () => {
    const before = await db().rejectedDelivery.count();
    const broken = await deliver(null, { raw: '{"action":"closed",' });
    expect(broken.status).toBe(400);
    const missing = await deliver({ action: "closed", number: 3, repository: { full_name: "acme/checkout" } });
    expect(missing.status).toBe(422);
    expect((await missing.json()).detail).toContain("pull_request");
    const unmapped = await deliver(pullRequestPayload({ repository: "acme/unknown", number: 1 }));
    expect(unmapped.status).toBe(422);
    expect((await unmapped.json()).detail).toContain("acme/unknown is not mapped");
    const unknown = await deliver(pullRequestPayload(), { id: 999999 });
    expect(unknown.status).toBe(404);
    const garbage = await deliver(pullRequestPayload(), { id: "abc" });
    expect(garbage.status).toBe(404);
    expect(await db().rejectedDelivery.count()).toBe(before + 5);
    const last = await db().rejectedDelivery.findFirst({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ integrationId: null, status: 404 });
  });

  it("a deactivated integration refuses deliveries", async () => {
    await db().integration.update({ where: { id: integrationId }, data: { active: false } });
    const response = await deliver(pullRequestPayload({ number: 109 }));
    await db().integration.update({ where: { id: integrationId }, data: { active: true } });
    expect(response.status).toBe(404);
  });

  it("keeps only the newest rejected deliveries", async () => {
    await db()
      .$executeRaw`INSERT INTO "RejectedDelivery" (source, status, reason) SELECT 'github', 400, 'filler' FROM generate_series(1, 505)`;
    await deliver(null, { raw: "not json" });
    expect(await db().rejectedDelivery.count()).toBe(500);
    expect((await db().rejectedDelivery.findFirst({ orderBy: { id: "desc" } }))?.reason).toContain("not valid JSON");
  });
});
