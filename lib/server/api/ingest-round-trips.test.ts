import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// How many SQL round trips a single change POST costs (issue 14: ~16–21 before). Counted at
// the pg driver, so every statement counts: BEGIN and COMMIT too. A count, not a timing.

let database: TestDatabase;
let token: string;
let authorEmail: string;
let seniorEmail: string;
let serviceSlug: string;
beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  authorEmail = (await createTestUser(db, { level: "JUNIOR" })).email;
  seniorEmail = (await createTestUser(db, { level: "SENIOR" })).email;
  serviceSlug = (await createTestService(db)).slug;
  await db.aiTool.create({ data: { name: "Copilot", slug: "copilot", aliases: ["github-copilot"] } });
  const created = newApiToken();
  token = created.token;
  await db.apiToken.create({
    data: {
      name: "ci",
      tokenHash: created.hash,
      prefix: created.prefix,
      scopes: ["changes:write"],
      createdById: admin.id,
    },
  });
}, 60_000);
afterAll(() => database?.dispose());

/** Runs `work` and counts the queries every pg client sent meanwhile. */
async function countQueries(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const original = pg.Client.prototype.query;
  const statements: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push((typeof first === "string" ? first : (first?.text ?? "")).trim().slice(0, 60));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return { count: statements.length, statements };
}

const post = (body: unknown) =>
  postChange(
    new Request("http://faultline.test/api/v1/changes", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

let n = 0;
const change = (overrides: Record<string, unknown> = {}) => ({
  source: "ci",
  externalId: `deploy-${(n += 1)}`,
  kind: "DEPLOY",
  title: `Deploy ${n}`,
  service: serviceSlug,
  author: authorEmail,
  shippedAt: new Date().toISOString(),
  ...overrides,
});

describe("single change POST round trips", () => {
  it("a new change without approval: gate, BEGIN, prepare, upsert, COMMIT", async () => {
    await post(change()); // warm: last-use stamp, pool
    let status = 0;
    const { count, statements } = await countQueries(async () => {
      status = (await post(change())).status;
    });
    expect(status).toBe(201);
    console.log(`single change POST: ${count} round trips\n  ${statements.join("\n  ")}`);
    expect(count, statements.join("\n")).toBeGreaterThanOrEqual(3);
    expect(count, statements.join("\n")).toBeLessThanOrEqual(5);
  });

  it("a new AI-assisted change by a junior (approval requested, approvers told) stays under 8", async () => {
    let answer: Record<string, unknown> = {};
    const { count, statements } = await countQueries(async () => {
      answer = await (await post(change({ aiAssisted: true, aiTool: "GitHub-Copilot" }))).json();
    });
    expect(answer).toMatchObject({
      outcome: "created",
      author: { email: authorEmail },
      aiTool: { slug: "copilot", name: "Copilot" },
      approval: { required: true, state: "PENDING", compliance: "VIOLATION" },
      failed: false,
      incidents: [],
    });
    console.log(`… needing approval: ${count} round trips`);
    expect(count, statements.join("\n")).toBeLessThanOrEqual(8);
  });

  it("an identical repost is unchanged and answers the stored change", async () => {
    const body = change({ author: seniorEmail, shippedAt: "2026-11-20T10:00:00.000Z" });
    const first = await (await post(body)).json();
    const again = await post(body);
    expect(again.status).toBe(200);
    const answer = await again.json();
    expect(answer).toEqual({ ...first, outcome: "unchanged" });
  });
});
