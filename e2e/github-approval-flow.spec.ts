import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startGithubStatusServer } from "../lib/server/testing/github-status-server";
import { pullRequestPayload } from "../lib/server/testing/webhook-payloads";
import { DEMO, signIn, signOut } from "./support/auth";
import { createApiTokenInDb, withDb } from "./support/db";
import { createIntegrationInDb, githubSignature } from "./support/webhooks";

// Issue #12 end to end: a junior's AI-assisted pull request is gated on GitHub by the
// faultline/approval commit status until a senior approves it in Faultline; a new commit
// dismisses the approval; the merge ships it compliant. GitHub's API is a local server
// speaking the shapes of GitHub's OpenAPI description, recording every call.

const SHA1 = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const SHA2 = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

test("junior's AI PR: pending → approved (success) → new commit dismisses (pending) → approved → merged, compliant", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const repository = `acme/flow-${stamp}`;
  const number = 4000 + (stamp % 1000);
  const login = `jo-junior-${stamp}`;
  const label = `ai-agent-${stamp}`;
  const statusToken = `ghp_${randomUUID().replace(/-/g, "")}`;
  const github = await startGithubStatusServer({ token: statusToken });
  try {
    const slug = await withDb(async (client) => {
      await client.query(`UPDATE "User" SET "githubLogin" = $1 WHERE email = $2`, [login, DEMO.junior]);
      const tool = await client.query<{ id: number }>(
        `SELECT id FROM "AiTool" WHERE "archivedAt" IS NULL ORDER BY id LIMIT 1`,
      );
      await client.query(
        `INSERT INTO "AiDetectionRule" (kind, pattern, "aiToolId", involvement, position) VALUES ('PR_LABEL', $1, $2, 'AGENT_AUTHORED', -1)`,
        [label, tool.rows[0].id],
      );
      return (
        await client.query<{ slug: string }>(
          `SELECT slug FROM "Service" WHERE "archivedAt" IS NULL ORDER BY id LIMIT 1`,
        )
      ).rows[0].slug;
    });
    const integration = await createIntegrationInDb("GITHUB", {
      repositories: { [repository]: slug },
      defaultService: null,
    });

    // The admin gives the integration its status token and points it at the local GitHub API.
    await signIn(page, DEMO.admin);
    await page.goto("/admin/integrations");
    const settings = page.getByRole("region", { name: `${integration.name} · GitHub` });
    await settings.getByLabel("GitHub API address").fill(github.baseUrl);
    await settings.getByLabel(/Status token/).fill(statusToken);
    await settings.getByRole("button", { name: "Save mapping" }).click();
    await expect(settings.getByText("Mapping saved.")).toBeVisible();
    await expect(settings.getByLabel(/Status token \(set/)).toBeVisible();
    await signOut(page);

    const deliver = async (action: string, headSha: string, merged = false) => {
      const body = JSON.stringify(
        pullRequestPayload({
          repository,
          number,
          action,
          merged,
          login,
          labels: [label],
          headSha,
          mergedAt: new Date().toISOString(),
        }),
      );
      const response = await request.post(`/api/v1/webhooks/github/${integration.id}`, {
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": githubSignature(integration.secret, body),
        },
        data: body,
      });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()).result.changeId as number;
    };
    const statuses = () => github.calls.map((call) => `${call.body.state}@${call.sha}`);
    const expectStatuses = (expected: string[]) => expect.poll(statuses, { timeout: 20_000 }).toEqual(expected);

    // 1. Opened: an unshipped change waiting for approval, and a pending status on its head.
    const changeId = await deliver("opened", SHA1);
    await expectStatuses([`pending@${SHA1}`]);

    // 2. A senior approves in Faultline: success.
    await signIn(page, DEMO.senior);
    const approve = async () => {
      await page.goto(`/changes/${changeId}`);
      await expect(page.getByText("Waiting for approval").first()).toBeVisible();
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByText("Approved, not shipped yet").first()).toBeVisible();
    };
    await approve();
    await expectStatuses([`pending@${SHA1}`, `success@${SHA1}`]);

    // 3. A new commit is pushed: the approval is dismissed, pending again, author and approver told.
    await deliver("synchronize", SHA2);
    await expectStatuses([`pending@${SHA1}`, `success@${SHA1}`, `pending@${SHA2}`]);
    const told = await withDb(async (client) =>
      (
        await client.query<{ email: string }>(
          `SELECT u.email FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE n.kind = 'approval.dismissed' AND n.href = $1 ORDER BY u.email`,
          [`/changes/${changeId}`],
        )
      ).rows.map((row) => row.email),
    );
    expect(told).toEqual([DEMO.junior, DEMO.senior].sort());
    await page.goto("/notifications");
    await expect(page.getByText(/was dismissed/).first()).toBeVisible();

    // 4. Approved again: success on the new head.
    await approve();
    await expectStatuses([`pending@${SHA1}`, `success@${SHA1}`, `pending@${SHA2}`, `success@${SHA2}`]);

    // 5. Merged: shipped, the gate allows, no violation.
    await deliver("closed", SHA2, true);
    await gateAllows(request, repository, number);
    await page.goto(`/changes/${changeId}`);
    await expect(page.getByText("Not shipped yet")).toHaveCount(0);
    await expect(page.getByText("Shipped without approval")).toHaveCount(0);
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();

    for (const call of github.calls) {
      expect(call.requestErrors).toEqual([]);
      expect(call.responseErrors).toEqual([]);
      expect(call.authorization).toBe(`Bearer ${statusToken}`);
      expect(call.body.context).toBe("faultline/approval");
      expect(`${call.owner}/${call.repo}`).toBe(repository);
    }
    expect(github.calls).toHaveLength(4);
  } finally {
    await github.close();
  }
});

async function gateAllows(request: APIRequestContext, repository: string, pr: number) {
  const token = await createApiTokenInDb(["read"]);
  const response = await request.get(`/api/v1/deploy-gate`, {
    params: { repository, pr: String(pr) },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ decision: "allow", reason: "approved" });
}
