import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/webhooks/github/[integrationId]/route";
import { approvalCompliance } from "@/lib/domain/approval-policy";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { sealSecret } from "@/lib/server/crypto/secret-box";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";
import { deliverDueWebhooks } from "@/lib/server/services/webhooks/deliver-due-webhooks";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { startGithubStatusServer } from "@/lib/server/testing/github-status-server";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { pullRequestPayload } from "@/lib/server/testing/webhook-payloads";
import { githubSignature } from "./webhook-auth";

// Issue #12, the GitHub side: a pull request is a change before it merges, its head commit
// carries the faultline/approval status, and a new commit voids the approval. GitHub's API
// is a local server speaking the shapes of GitHub's OpenAPI description.

process.env.NEXTAUTH_SECRET ??= "vitest-secret-for-sealing-tokens";
const SECRET = "whsec_pr_flow";
const TOKEN = "ghp_status_token_for_tests";
const SHA1 = "1111111111111111111111111111111111111111";
const SHA2 = "2222222222222222222222222222222222222222";
let database: TestDatabase;
let github: Awaited<ReturnType<typeof startGithubStatusServer>>;
let integrationId: number;
let junior: SessionUser, senior: SessionUser;
const db = () => database.connection.prisma;

beforeAll(async () => {
  database = await useTestDatabase();
  github = await startGithubStatusServer({ token: TOKEN });
  const service = await createTestService(db());
  const admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  junior = await createTestUser(db(), { level: "JUNIOR" });
  senior = await createTestUser(db(), { level: "SENIOR" });
  await db().user.update({ where: { id: junior.id }, data: { githubLogin: "jo-junior" } });
  const tool = await db().aiTool.create({ data: { name: "Claude Code", slug: "claude-code" } });
  await db().aiDetectionRule.create({
    data: { kind: "PR_LABEL", pattern: "ai-assisted", aiToolId: tool.id, involvement: "AGENT_AUTHORED" },
  });
  integrationId = (
    await db().integration.create({
      data: {
        kind: "GITHUB",
        name: "acme",
        secret: SECRET,
        createdById: admin.id,
        statusToken: sealSecret(TOKEN),
        config: { repositories: { "acme/checkout": service.slug }, defaultService: null, apiBaseUrl: github.baseUrl },
      },
    })
  ).id;
}, 120_000);
afterAll(async () => {
  await github?.close();
  await database?.dispose();
});

async function deliver(payload: unknown) {
  const body = JSON.stringify(payload);
  const id = String(integrationId);
  const response = await POST(
    new Request(`http://localhost/api/v1/webhooks/github/${id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": githubSignature(SECRET, body),
      },
      body,
    }),
    { params: Promise.resolve({ integrationId: id }) },
  );
  expect(response.status).toBe(200);
}
const pr = (action: string, headSha: string, extra: { merged?: boolean; mergedAt?: string } = {}) =>
  pullRequestPayload({
    number: 77,
    action,
    merged: false,
    login: "jo-junior",
    labels: ["ai-assisted"],
    headSha,
    ...extra,
  });
const change = () => db().change.findFirstOrThrow({ where: { source: "github", externalId: "acme/checkout/pull/77" } });
const approve = async () =>
  decideChangeApproval({ actor: senior, input: { changeId: (await change()).id, decision: "APPROVED", comment: "" } });
const statuses = () => github.calls.map((call) => `${call.body.state}@${call.sha.slice(0, 1)}`);

describe("a junior's AI-assisted pull request on GitHub", () => {
  it("is gated by the faultline/approval status from opening to merge", async () => {
    await deliver(pr("opened", SHA1));
    expect(await change()).toMatchObject({
      approvalState: "PENDING",
      shippedAt: null,
      headSha: SHA1,
      pullRequestNumber: 77,
    });
    await deliverDueWebhooks();
    expect(statuses()).toEqual(["pending@1"]);

    await approve();
    await deliverDueWebhooks();
    expect(statuses()).toEqual(["pending@1", "success@1"]);

    // A labelled/edited event with the same head changes nothing the senior reviewed.
    await deliver(pr("labeled", SHA1));
    expect((await change()).approvalState).toBe("APPROVED");

    await deliver(pr("synchronize", SHA2));
    const dismissed = await change();
    expect(dismissed).toMatchObject({ approvalState: "PENDING", approverId: null, headSha: SHA2 });
    const notices = await db().notification.findMany({
      where: { href: `/changes/${dismissed.id}`, kind: "approval.dismissed" },
      select: { userId: true },
    });
    expect(notices.map((n) => n.userId).sort()).toEqual([junior.id, senior.id].sort());
    await deliverDueWebhooks();
    expect(statuses()).toEqual(["pending@1", "success@1", "pending@2"]);

    await approve();
    await deliverDueWebhooks();
    await deliver(pr("closed", SHA2, { merged: true, mergedAt: new Date().toISOString() }));
    await deliverDueWebhooks();
    const shipped = await change();
    expect(shipped.shippedAt).not.toBeNull();
    expect(approvalCompliance(shipped)).toBe("COMPLIANT");
    expect(statuses()).toEqual(["pending@1", "success@1", "pending@2", "success@2"]);

    for (const call of github.calls) {
      expect(call).toMatchObject({
        owner: "acme",
        repo: "checkout",
        authorization: `Bearer ${TOKEN}`,
        apiVersion: "2022-11-28",
        requestErrors: [],
        responseErrors: [],
      });
      expect(call.body.context).toBe("faultline/approval");
      expect(call.body.target_url).toContain(`/changes/${shipped.id}`);
    }
    const history = await db().outboundDelivery.findMany({ where: { integrationId }, select: { status: true } });
    expect(history.map((h) => h.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
  });

  it("abandons a pull request closed without merging: it never ships", async () => {
    await deliver(
      pullRequestPayload({ number: 78, action: "opened", merged: false, login: "jo-junior", headSha: SHA1 }),
    );
    await deliver(
      pullRequestPayload({ number: 78, action: "closed", merged: false, login: "jo-junior", headSha: SHA1 }),
    );
    const row = await db().change.findFirstOrThrow({ where: { externalId: "acme/checkout/pull/78" } });
    expect(row.shippedAt).toBeNull();
    expect(row.abandonedAt).not.toBeNull();
  });
});
