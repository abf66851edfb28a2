import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, signIn } from "../support/auth";
import { createApiTokenInDb, withDb } from "../support/db";
import { expectDocumented, fetchOpenApi, type OpenApiDoc } from "../support/openapi";

// The REST API over real HTTP against the running server and its demo database. Every answer
// is checked against the OpenAPI document the server publishes.

const stamp = Date.now();
const shippedAt = new Date(stamp - 3_600_000).toISOString();
let doc: OpenApiDoc;
let token: string;
let service: string;
let otherService: string;
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

test.beforeAll(async ({ request }) => {
  doc = await fetchOpenApi(request);
  token = await createApiTokenInDb(["read", "changes:write", "incidents:write"]);
  const services = await withDb((client) =>
    client.query(`SELECT slug FROM "Service" WHERE "archivedAt" IS NULL ORDER BY id LIMIT 2`),
  );
  [service, otherService] = services.rows.map((row: { slug: string }) => row.slug);
});

const changeBody = (externalId: string, extra: Record<string, unknown> = {}) => ({
  source: "e2e-ci",
  externalId,
  kind: "DEPLOY",
  title: `E2E deploy ${externalId}`,
  service,
  author: "mia-mid",
  aiAssisted: true,
  aiTool: "copilot",
  aiInvolvement: "CO_AUTHORED",
  shippedAt,
  ...extra,
});

test("serves the OpenAPI 3.1 document without a token", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toEqual(
    expect.arrayContaining(["/changes", "/changes/batch", "/incidents/{id}", "/metrics", "/deploy-gate"]),
  );
});

test("changes: register, re-post updates the same row, get, list, roll back", async ({ request }) => {
  const externalId = `deploy-${stamp}`;
  const created = await expectDocumented<{
    id: number;
    outcome: string;
    url: string;
    approval: { required: boolean };
    author: { email: string };
  }>(
    doc,
    await request.post("/api/v1/changes", { headers: auth(), data: changeBody(externalId) }),
    "/changes",
    "post",
    201,
  );
  expect(created).toMatchObject({ outcome: "created", author: { email: DEMO.mid }, approval: { required: true } });
  expect(created.url).toMatch(new RegExp(`/changes/${created.id}$`));

  const updated = await expectDocumented(
    doc,
    await request.post("/api/v1/changes", {
      headers: auth(),
      data: changeBody(externalId, { title: "Retitled by CI" }),
    }),
    "/changes",
    "post",
    200,
  );
  expect(updated).toMatchObject({ id: created.id, outcome: "updated", title: "Retitled by CI" });
  const same = await expectDocumented(
    doc,
    await request.post("/api/v1/changes", {
      headers: auth(),
      data: changeBody(externalId, { title: "Retitled by CI" }),
    }),
    "/changes",
    "post",
    200,
  );
  expect(same).toMatchObject({ id: created.id, outcome: "unchanged" });
  const rows = await withDb((client) =>
    client.query(`SELECT count(*)::int AS n FROM "Change" WHERE source = 'e2e-ci' AND "externalId" = $1`, [externalId]),
  );
  expect(rows.rows[0].n).toBe(1);

  const fetched = await expectDocumented(
    doc,
    await request.get(`/api/v1/changes/${created.id}`, { headers: auth() }),
    "/changes/{id}",
    "get",
    200,
  );
  expect(fetched).toMatchObject({ id: created.id, source: "e2e-ci", externalId, aiTool: { slug: "github-copilot" } });

  const page = await expectDocumented<{ data: Array<{ id: number }>; nextCursor: string | null }>(
    doc,
    await request.get(`/api/v1/changes?q=${externalId}&kind=DEPLOY&ai=yes&service=${service}`, { headers: auth() }),
    "/changes",
    "get",
    200,
  );
  expect(page.data.map((c) => c.id)).toEqual([created.id]);
  const paged = await expectDocumented<{ data: Array<{ id: number }>; nextCursor: string | null }>(
    doc,
    await request.get("/api/v1/changes?limit=2", { headers: auth() }),
    "/changes",
    "get",
    200,
  );
  expect(paged.data).toHaveLength(2);
  const next = await expectDocumented<{ data: Array<{ id: number }> }>(
    doc,
    await request.get(`/api/v1/changes?limit=2&cursor=${paged.nextCursor}`, { headers: auth() }),
    "/changes",
    "get",
    200,
  );
  expect(next.data[0].id).toBeLessThan(paged.data[1].id);

  const rolledBack = await expectDocumented(
    doc,
    await request.patch(`/api/v1/changes/${created.id}`, {
      headers: auth(),
      data: { rolledBackAt: new Date().toISOString() },
    }),
    "/changes/{id}",
    "patch",
    200,
  );
  expect(rolledBack).toMatchObject({ failed: true });
  const audit = await withDb((client) =>
    client.query(
      `SELECT "actorLabel" FROM "AuditLog" WHERE "entityType" = 'Change' AND "entityId" = $1 AND action = 'change.rolled_back'`,
      [String(created.id)],
    ),
  );
  expect(audit.rows[0].actorLabel).toBe("API token e2e read,changes:write,incidents:write");

  await expectDocumented(
    doc,
    await request.get("/api/v1/changes/999999999", { headers: auth() }),
    "/changes/{id}",
    "get",
    404,
  );
  const badFilter = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.get("/api/v1/changes?kind=NOPE&colour=red", { headers: auth() }),
    "/changes",
    "get",
    422,
  );
  expect(Object.keys(badFilter.errors).sort()).toEqual(["colour", "kind.0"]);
  const unknownService = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.get("/api/v1/changes?service=no-such-service", { headers: auth() }),
    "/changes",
    "get",
    422,
  );
  expect(unknownService.errors).toEqual({ service: [expect.stringContaining('Unknown service "no-such-service"')] });
});

test("changes: 422 with field errors for bad input and unknown names", async ({ request }) => {
  const problem = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/changes", {
      headers: auth(),
      data: { externalId: "", kind: "DEPLOYED", title: "x", service: "paymnts", servce: "typo" },
    }),
    "/changes",
    "post",
    422,
  );
  expect(problem.errors).toMatchObject({
    externalId: [expect.any(String)],
    kind: [expect.stringContaining("DEPLOY")],
    title: [expect.any(String)],
    servce: [expect.stringContaining("Unknown field")],
  });
  const unknown = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/changes", {
      headers: auth(),
      data: changeBody(`x-${stamp}`, { service: "paymnts", aiTool: "gpt-9" }),
    }),
    "/changes",
    "post",
    422,
  );
  expect(unknown.errors).toEqual({
    service: ['Unknown service "paymnts". Use a service slug as shown in Faultline.'],
    aiTool: [expect.stringContaining('Unknown AI tool "gpt-9"')],
  });
  const notJson = await request.post("/api/v1/changes", {
    headers: { ...auth(), "content-type": "application/json" },
    data: "{nope",
  });
  expect(notJson.status()).toBe(422);
});

test("batch: per-item outcomes, a retried batch creates nothing, item errors name the item, at most 1,000", async ({
  request,
}) => {
  const batch = {
    changes: [
      changeBody(`batch-a-${stamp}`),
      changeBody(`batch-b-${stamp}`, { aiAssisted: false, aiTool: null, aiInvolvement: null }),
      changeBody(`batch-c-${stamp}`, { service: otherService }),
    ],
  };
  const first = await expectDocumented<{ created: number; results: Array<{ index: number; outcome: string }> }>(
    doc,
    await request.post("/api/v1/changes/batch", { headers: auth(), data: batch }),
    "/changes/batch",
    "post",
    200,
  );
  expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
  expect(first.results.map((r) => [r.index, r.outcome])).toEqual([
    [0, "created"],
    [1, "created"],
    [2, "created"],
  ]);
  const retry = await expectDocumented(
    doc,
    await request.post("/api/v1/changes/batch", { headers: auth(), data: batch }),
    "/changes/batch",
    "post",
    200,
  );
  expect(retry).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

  const bad = {
    changes: [
      changeBody(`batch-d-${stamp}`),
      changeBody(`batch-e-${stamp}`, { service: "paymnts" }),
      { ...changeBody(`batch-f-${stamp}`), kind: "NOPE" },
    ],
  };
  const problem = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/changes/batch", { headers: auth(), data: bad }),
    "/changes/batch",
    "post",
    422,
  );
  expect(Object.keys(problem.errors)).toEqual(["changes.2.kind"]);
  const unknown = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/changes/batch", { headers: auth(), data: { changes: bad.changes.slice(0, 2) } }),
    "/changes/batch",
    "post",
    422,
  );
  expect(unknown.errors).toEqual({
    "changes.1.service": ['Unknown service "paymnts". Use a service slug as shown in Faultline.'],
  });
  const saved = await withDb((client) =>
    client.query(`SELECT count(*)::int AS n FROM "Change" WHERE "externalId" = $1`, [`batch-d-${stamp}`]),
  );
  expect(saved.rows[0].n).toBe(0);

  const tooMany = { changes: Array.from({ length: 1001 }, (_, i) => changeBody(`big-${stamp}-${i}`)) };
  const big = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/changes/batch", { headers: auth(), data: tooMany }),
    "/changes/batch",
    "post",
    422,
  );
  expect(big.errors.changes).toEqual([expect.stringContaining("at most 1,000")]);
});

test("20 concurrent posts of the same change end with one row", async ({ request }) => {
  const body = changeBody(`race-${stamp}`);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => request.post("/api/v1/changes", { headers: auth(), data: body })),
  );
  const statuses = answers.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(19);
  const rows = await withDb((client) =>
    client.query(`SELECT count(*)::int AS n FROM "Change" WHERE "externalId" = $1`, [`race-${stamp}`]),
  );
  expect(rows.rows[0].n).toBe(1);
});

test("incidents: declare with Idempotency-Key, update under the lock, note, link and unlink", async ({ request }) => {
  const body = {
    title: `E2E outage ${stamp}`,
    severity: "SEV2",
    impactStartedAt: new Date(Date.now() - 600_000).toISOString(),
    services: [service, otherService],
  };
  const key = `alert-${stamp}`;
  const created = await expectDocumented<{ id: number; version: number; status: string; commander: { email: string } }>(
    doc,
    await request.post("/api/v1/incidents", { headers: { ...auth(), "idempotency-key": key }, data: body }),
    "/incidents",
    "post",
    201,
  );
  expect(created).toMatchObject({ status: "INVESTIGATING", version: 1, commander: { email: DEMO.admin } });
  const replay = await request.post("/api/v1/incidents", {
    headers: { ...auth(), "idempotency-key": key },
    data: body,
  });
  expect(replay.headers()["idempotency-replayed"]).toBe("true");
  expect((await expectDocumented<{ id: number }>(doc, replay, "/incidents", "post", 201)).id).toBe(created.id);
  const reused = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.post("/api/v1/incidents", {
      headers: { ...auth(), "idempotency-key": key },
      data: { ...body, severity: "SEV1" },
    }),
    "/incidents",
    "post",
    422,
  );
  expect(reused.errors).toHaveProperty("Idempotency-Key");
  const count = await withDb((client) =>
    client.query(`SELECT count(*)::int AS n FROM "Incident" WHERE title = $1`, [body.title]),
  );
  expect(count.rows[0].n).toBe(1);

  const id = created.id;
  const got = await request.get(`/api/v1/incidents/${id}`, { headers: auth() });
  expect(got.headers()["etag"]).toBe('"1"');
  await expectDocumented(doc, got, "/incidents/{id}", "get", 200);
  const list = await expectDocumented<{ data: Array<{ id: number }> }>(
    doc,
    await request.get(`/api/v1/incidents?severity=SEV2&status=INVESTIGATING&q=${encodeURIComponent(body.title)}`, {
      headers: auth(),
    }),
    "/incidents",
    "get",
    200,
  );
  expect(list.data.map((i) => i.id)).toEqual([id]);

  const moved = await expectDocumented<{ status: string; version: number }>(
    doc,
    await request.patch(`/api/v1/incidents/${id}`, {
      headers: auth(),
      data: { version: 1, status: "IDENTIFIED", note: "Found the deploy" },
    }),
    "/incidents/{id}",
    "patch",
    200,
  );
  expect(moved).toMatchObject({ status: "IDENTIFIED", version: 2 });
  await expectDocumented(
    doc,
    await request.patch(`/api/v1/incidents/${id}`, { headers: auth(), data: { version: 1, status: "MONITORING" } }),
    "/incidents/{id}",
    "patch",
    409,
  );
  const both = await expectDocumented<{ status: string; severity: string; version: number }>(
    doc,
    await request.patch(`/api/v1/incidents/${id}`, {
      headers: { ...auth(), "if-match": '"2"' },
      data: { status: "MONITORING", severity: "SEV1", reason: "Checkout fully down" },
    }),
    "/incidents/{id}",
    "patch",
    200,
  );
  expect(both).toMatchObject({ status: "MONITORING", severity: "SEV1", version: 4 });
  const noVersion = await expectDocumented<{ errors: Record<string, string[]> }>(
    doc,
    await request.patch(`/api/v1/incidents/${id}`, { headers: auth(), data: { status: "RESOLVED" } }),
    "/incidents/{id}",
    "patch",
    422,
  );
  expect(noVersion.errors).toHaveProperty("version");

  const note = await expectDocumented<{ kind: string; body: string }>(
    doc,
    await request.post(`/api/v1/incidents/${id}/timeline`, {
      headers: auth(),
      data: { body: "Rolled back; watching." },
    }),
    "/incidents/{id}/timeline",
    "post",
    201,
  );
  expect(note).toMatchObject({ kind: "NOTE", body: "Rolled back; watching." });
  await expectDocumented(
    doc,
    await request.post(`/api/v1/incidents/${id}/timeline`, { headers: auth(), data: { body: "" } }),
    "/incidents/{id}/timeline",
    "post",
    422,
  );

  const link = await expectDocumented<{ role: string; change: { id: number } }>(
    doc,
    await request.post(`/api/v1/incidents/${id}/changes`, {
      headers: auth(),
      data: { source: "e2e-ci", externalId: `deploy-${stamp}`, role: "TRIGGER" },
    }),
    "/incidents/{id}/changes",
    "post",
    201,
  );
  expect(link.role).toBe("TRIGGER");
  await expectDocumented(
    doc,
    await request.post(`/api/v1/incidents/${id}/changes`, {
      headers: auth(),
      data: { changeId: link.change.id, role: "ROOT_CAUSE" },
    }),
    "/incidents/{id}/changes",
    "post",
    409,
  );
  await expectDocumented(
    doc,
    await request.post(`/api/v1/incidents/${id}/changes`, {
      headers: auth(),
      data: { externalId: `never-registered-${stamp}`, role: "SUSPECTED" },
    }),
    "/incidents/{id}/changes",
    "post",
    404,
  );
  const detail = await expectDocumented<{ aiLinked: boolean; changes: unknown[]; timeline: Array<{ kind: string }> }>(
    doc,
    await request.get(`/api/v1/incidents/${id}`, { headers: auth() }),
    "/incidents/{id}",
    "get",
    200,
  );
  expect(detail.aiLinked).toBe(true);
  expect(detail.timeline.map((e) => e.kind)).toEqual(
    expect.arrayContaining(["DECLARED", "STATUS_CHANGED", "SEVERITY_CHANGED", "NOTE", "CHANGE_LINKED"]),
  );

  const unlinked = await request.delete(`/api/v1/incidents/${id}/changes/${link.change.id}`, { headers: auth() });
  expect(unlinked.status()).toBe(204);
  await expectDocumented(
    doc,
    await request.delete(`/api/v1/incidents/${id}/changes/${link.change.id}`, { headers: auth() }),
    "/incidents/{id}/changes/{changeId}",
    "delete",
    404,
  );
  await expectDocumented(
    doc,
    await request.get("/api/v1/incidents/999999999", { headers: auth() }),
    "/incidents/{id}",
    "get",
    404,
  );
});

test("metrics and the weekly report", async ({ request }) => {
  const metrics = await expectDocumented<{ incidents: unknown[]; range: { from: string; to: string } }>(
    doc,
    await request.get("/api/v1/metrics", { headers: auth() }),
    "/metrics",
    "get",
    200,
  );
  expect(metrics.incidents).toHaveLength(12);
  const ranged = await expectDocumented<{ incidents: Array<{ week: string }>; range: { from: string; to: string } }>(
    doc,
    await request.get(`/api/v1/metrics?from=2026-01-07&to=2026-01-20&service=${service}`, { headers: auth() }),
    "/metrics",
    "get",
    200,
  );
  expect(ranged.range).toMatchObject({ from: "2026-01-05", to: "2026-01-26" });
  expect(ranged.incidents.map((w) => w.week)).toEqual(["2026-01-05", "2026-01-12", "2026-01-19"]);
  await expectDocumented(
    doc,
    await request.get("/api/v1/metrics?from=2026-01-07", { headers: auth() }),
    "/metrics",
    "get",
    422,
  );
  await expectDocumented(
    doc,
    await request.get("/api/v1/metrics?from=2020-01-01&to=2026-01-01", { headers: auth() }),
    "/metrics",
    "get",
    422,
  );

  const report = await expectDocumented<{
    week: string;
    majorIncidents: Array<{ severity: string }>;
    metrics: { incidents: Array<{ week: string; sev1: number; sev2: number }> };
  }>(
    doc,
    await request.get("/api/v1/reports/weekly/2026-W45", { headers: auth() }),
    "/reports/weekly/{week}",
    "get",
    200,
  );
  const week = report.metrics.incidents.at(-1)!;
  expect(week.week).toBe("2026-11-02");
  expect(report.majorIncidents).toHaveLength(week.sev1 + week.sev2);
  await expectDocumented(
    doc,
    await request.get("/api/v1/reports/weekly/2026-W99", { headers: auth() }),
    "/reports/weekly/{week}",
    "get",
    404,
  );
});

test("401 without, with an unknown or a revoked token; 403 without the scope", async ({ request }) => {
  const missing = await expectDocumented<{ detail: string }>(
    doc,
    await request.get("/api/v1/incidents"),
    "/incidents",
    "get",
    401,
  );
  expect(missing.detail).toContain("Authorization: Bearer");
  await expectDocumented(
    doc,
    await request.get("/api/v1/changes", { headers: auth("flt_not-a-real-token") }),
    "/changes",
    "get",
    401,
  );
  const revoked = await createApiTokenInDb(["read"], { revoked: true });
  await expectDocumented(doc, await request.get("/api/v1/metrics", { headers: auth(revoked) }), "/metrics", "get", 401);
  const readOnly = await createApiTokenInDb(["read"]);
  const forbidden = await expectDocumented<{ detail: string }>(
    doc,
    await request.post("/api/v1/changes", { headers: auth(readOnly), data: changeBody(`forbidden-${stamp}`) }),
    "/changes",
    "post",
    403,
  );
  expect(forbidden.detail).toContain('"changes:write" scope');
  await expectDocumented(
    doc,
    await request.post("/api/v1/incidents", { headers: auth(readOnly), data: {} }),
    "/incidents",
    "post",
    403,
  );
  await expectDocumented(
    doc,
    await request.delete("/api/v1/incidents/1/changes/1", { headers: auth(readOnly) }),
    "/incidents/{id}/changes/{changeId}",
    "delete",
    403,
  );
});

test("rate limit: RateLimit headers on every answer, then 429 with Retry-After", async ({ request }) => {
  const limited = await createApiTokenInDb(["read"]);
  const first = await request.get("/api/v1/incidents/0", { headers: auth(limited) });
  const limit = Number(first.headers()["ratelimit-limit"]);
  expect(limit).toBeGreaterThan(0);
  expect(Number(first.headers()["ratelimit-remaining"])).toBe(limit - 1);
  let tooMany: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
  // The window is a clock minute: if it turns over midway, the next one fills up too.
  for (let sent = 1; !tooMany && sent < 3 * limit + 2; sent += 25) {
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => request.get("/api/v1/incidents/0", { headers: auth(limited) })),
    );
    tooMany = answers.find((r) => r.status() === 429);
  }
  expect(tooMany, "no 429 after three windows' worth of requests").toBeDefined();
  const retryAfter = Number(tooMany!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(tooMany!.headers()["ratelimit-remaining"]).toBe("0");
  const problem = await expectDocumented<{ detail: string }>(doc, tooMany!, "/incidents/{id}", "get", 429);
  expect(problem.detail).toContain("Retry-After");
  // Other tokens are not affected.
  // 0 is no id (ids run from 1 to 2^31 - 1): a 422, and not a 429 either.
  expect((await request.get("/api/v1/incidents/0", { headers: auth() })).status()).toBe(422);
});

test("the deploy gate answers match the document and carry RateLimit headers", async ({ request }) => {
  const answer = await request.get(`/api/v1/deploy-gate?externalId=deploy-${stamp}&source=e2e-ci`, { headers: auth() });
  expect(answer.headers()["ratelimit-limit"]).toBeDefined();
  const body = await expectDocumented<{ decision: string; reason: string }>(doc, answer, "/deploy-gate", "get", 200);
  expect(body).toMatchObject({ decision: "deny", reason: "needs_approval" });
  await expectDocumented(
    doc,
    await request.post("/api/v1/deploy-gate", { headers: auth(), data: { externalId: `nothing-${stamp}` } }),
    "/deploy-gate",
    "post",
    404,
  );
});

test("the API reference page renders the document, linked from the help pages", async ({ page }) => {
  await signIn(page, DEMO.mid);
  await page.getByRole("link", { name: "Definitions" }).click();
  await page.getByRole("navigation", { name: "Help" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/help\/api$/);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  for (const name of ["Changes", "Incidents", "Metrics", "Reports", "Deploy gate"])
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  const upsert = page.getByRole("article", { name: "POST /changes", exact: true });
  await expect(upsert).toContainText("Register or update a change");
  await expect(upsert).toContainText("externalId");
  await expect(upsert).toContainText('"github-actions"');
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
  await page.screenshot({ path: "/tmp/api-help-api.png", fullPage: false });
  await upsert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/api-help-api-upsert.png" });
});

test("admins reach the reference from the tokens page; response fields unfold", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/tokens");
  await page.getByRole("link", { name: /API reference/ }).click();
  await expect(page).toHaveURL(/\/help\/api$/);
  const metrics = page.getByRole("article", { name: "GET /metrics", exact: true });
  await metrics.getByText("Response fields").click();
  await expect(metrics).toContainText("sev2PerDay");
  await expect(metrics).toContainText("medianHours");
  await metrics.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/api-help-api-metrics.png" });
});
