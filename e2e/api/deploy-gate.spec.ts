import { expect, test } from "@playwright/test";
import { createApiTokenInDb, withDb } from "../support/db";

// Real HTTP against the running server and its database.
const stamp = Date.now();

async function insertChange(externalId: string, approval: { required: boolean; state: string }) {
  await withDb((client) =>
    client.query(
      `INSERT INTO "Change" (source, "externalId", kind, title, "serviceId", "aiAssisted", "approvalRequired", "approvalState", "updatedAt")
       VALUES ('github', $1, 'DEPLOY', $2, (SELECT min(id) FROM "Service"), $3, $3, $4::"ApprovalState", now())`,
      [externalId, `Gate test ${externalId}`, approval.required, approval.state],
    ),
  );
}

test.describe("deploy gate API", () => {
  let token: string;
  test.beforeAll(async () => {
    token = await createApiTokenInDb(["read"]);
    await insertChange(`gate-ok-${stamp}`, { required: false, state: "NOT_REQUIRED" });
    await insertChange(`gate-approved-${stamp}`, { required: true, state: "APPROVED" });
    await insertChange(`gate-pending-${stamp}`, { required: true, state: "PENDING" });
    await insertChange(`gate-rejected-${stamp}`, { required: true, state: "REJECTED" });
  });

  const ask = (request: import("@playwright/test").APIRequestContext, externalId: string, auth?: string) =>
    request.get(`/api/v1/deploy-gate?externalId=${encodeURIComponent(externalId)}`, {
      headers: auth === undefined ? {} : { authorization: auth },
    });

  test("allows a change that needs no approval, and an approved one", async ({ request }) => {
    for (const [id, reason] of [
      [`gate-ok-${stamp}`, "approval_not_required"],
      [`gate-approved-${stamp}`, "approved"],
    ]) {
      const response = await ask(request, id, `Bearer ${token}`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({
        decision: "allow",
        reason,
        change: { approvalState: expect.any(String) },
      });
    }
  });

  test("denies a pending and a rejected change with a reason and a sentence", async ({ request }) => {
    const pending = await ask(request, `gate-pending-${stamp}`, `Bearer ${token}`);
    expect(pending.status()).toBe(200);
    expect(await pending.json()).toMatchObject({
      decision: "deny",
      reason: "needs_approval",
      message: expect.stringContaining("needs a senior engineer's approval"),
    });
    const rejected = await request.post("/api/v1/deploy-gate", {
      headers: { authorization: `Bearer ${token}` },
      data: { externalId: `gate-rejected-${stamp}`, source: "github" },
    });
    expect(await rejected.json()).toMatchObject({ decision: "deny", reason: "rejected" });
  });

  test("answers 404 for an unknown change, still with a decision", async ({ request }) => {
    const response = await ask(request, `no-such-change-${stamp}`, `Bearer ${token}`);
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ decision: "deny", reason: "unknown_change", change: null });
  });

  test("answers 401 without a token or with a bad or revoked one, and 403 without the scope", async ({ request }) => {
    const missing = await ask(request, `gate-ok-${stamp}`);
    expect(missing.status()).toBe(401);
    expect(missing.headers()["content-type"]).toContain("application/problem+json");
    expect(missing.headers()["www-authenticate"]).toContain("Bearer");
    expect(await missing.json()).toMatchObject({
      status: 401,
      title: "Unauthenticated",
      detail: expect.stringContaining("Authorization: Bearer"),
    });

    expect((await ask(request, `gate-ok-${stamp}`, "Bearer flt_not-a-real-token")).status()).toBe(401);
    const revoked = await createApiTokenInDb(["read"], { revoked: true });
    expect((await ask(request, `gate-ok-${stamp}`, `Bearer ${revoked}`)).status()).toBe(401);

    const writeOnly = await createApiTokenInDb(["changes:write"]);
    const forbidden = await ask(request, `gate-ok-${stamp}`, `Bearer ${writeOnly}`);
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toMatchObject({ detail: expect.stringContaining('"read" scope') });
  });

  test("explains a missing external id with a 422", async ({ request }) => {
    const response = await request.get("/api/v1/deploy-gate", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(422);
    expect(await response.json()).toMatchObject({ errors: { externalId: [expect.stringContaining("externalId")] } });
    const badJson = await request.post("/api/v1/deploy-gate", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      data: "{not json",
    });
    expect(badJson.status()).toBe(422);
  });

  test("records when a token was last used", async () => {
    const used = await withDb((client) =>
      client.query(`SELECT "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = encode(sha256($1::bytea), 'hex')`, [token]),
    );
    expect(used.rows[0].lastUsedAt).not.toBeNull();
  });
});
