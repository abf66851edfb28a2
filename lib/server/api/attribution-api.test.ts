import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/changes/[id]/attribution/route";
import { POST as postBatch } from "@/app/api/v1/changes/batch/route";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { parseChangeFilters } from "@/lib/schemas/change-filters";
import { listChanges } from "@/lib/server/queries/changes/list-changes";
import { updateApprovalPolicySchema } from "@/lib/schemas/approval";
import { updateApprovalPolicy } from "@/lib/server/services/approvals/update-approval-policy";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// POST /api/v1/changes/{id}/attribution against a real database: evidence, the policy it
// applies, and what a hostile or careless client gets back.

const fixture = (name: string) =>
  readFileSync(new URL(`../../domain/attribution/fixtures/${name}`, import.meta.url), "utf8");
const sessionsNote = fixture("git-ai-spec-sessions.note"); // 73 AI lines, 9 human

let database: TestDatabase;
let db: Db;
let junior: SessionUser;
let serviceId: number;
let ciToken: string;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  junior = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
  serviceId = (await createTestService(db)).id;
  ciToken = await createToken(["changes:write", "read"], "ENGINEER");
});
afterAll(() => database.dispose());

async function createToken(scopes: string[], role: "ENGINEER" | "MANAGER" | "ADMIN") {
  const creator = await createTestUser(db, { role, level: "SENIOR" });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({
    data: { name: "ci-attribution", tokenHash: hash, prefix, scopes, createdById: creator.id },
  });
  return token;
}

const humanChange = async (shippedAt: Date | null = null) =>
  (
    await registerChange({
      actor: junior,
      input: {
        kind: "PULL_REQUEST",
        title: "Declared human",
        serviceId,
        repository: null,
        externalId: null,
        externalUrl: null,
        authorId: junior.id,
        shippedAt,
        aiAssisted: false,
        aiToolId: null,
        aiInvolvement: null,
      },
    })
  ).id;

const post = (id: number | string, body: unknown, token = ciToken) =>
  POST(
    new Request(`http://faultline.test/api/v1/changes/${id}/attribution`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
const changeState = (id: number) =>
  db.change.findUniqueOrThrow({
    where: { id },
    select: { aiAssisted: true, aiDetectedBy: true, approvalRequired: true, approvalState: true, version: true },
  });

describe("posting evidence", () => {
  it("makes a declared-human change AI-assisted above the threshold, flags it and requires approval", async () => {
    const id = await humanChange();
    const response = await post(id, { format: "git-ai", note: sessionsNote, commitSha: "ABCDEF1", totalLines: 100 });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      source: "git-ai",
      aiLines: 73,
      humanLines: 9,
      totalLines: 100,
      aiShare: 0.73,
      band: "HIGH",
      declaredAiAssisted: false,
      aiAssisted: true,
      mismatch: true,
      thresholdApplied: 0.2,
      commitSha: "abcdef1",
    });
    expect(body.agents.map((a: { tool: string }) => a.tool)).toEqual(["Claude Code", "Cursor"]);
    expect(await changeState(id)).toMatchObject({
      aiAssisted: true,
      aiDetectedBy: "attribution:git-ai",
      approvalRequired: true,
      approvalState: "PENDING",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Change", entityId: String(id), action: "change.attribution_recorded" },
    });
    expect(audit.after).toMatchObject({ mismatch: true, approvalNowRequired: true });

    const read = await GET(
      new Request(`http://faultline.test/api/v1/changes/${id}/attribution`, {
        headers: { authorization: `Bearer ${ciToken}` },
      }),
      {
        params: Promise.resolve({ id: String(id) }),
      },
    );
    expect(await read.json()).toMatchObject({ aiShare: 0.73, mismatch: true });
  });

  it("leaves a change alone at or below the threshold, and undoes its own flip when newer evidence says so", async () => {
    const id = await humanChange();
    // 73 AI lines of 365 = 20 %: not above the threshold.
    expect(await (await post(id, { format: "git-ai", note: sessionsNote, totalLines: 365 })).json()).toMatchObject({
      aiAssisted: false,
      mismatch: false,
    });
    expect(await post(id, { format: "git-ai", note: sessionsNote })).toHaveProperty("status", 200);
    expect(await changeState(id)).toMatchObject({ aiAssisted: true, approvalRequired: true });
    const empty = fixture("git-ai-test-serialize_deserialize_no_attestations.note");
    expect(await (await post(id, { format: "git-ai", note: empty })).json()).toMatchObject({
      aiAssisted: false,
      mismatch: false,
      aiShare: null,
    });
    // The flag is a material fact: back to human-written, the approval rule is decided again (not required).
    expect(await changeState(id)).toMatchObject({ aiAssisted: false, aiDetectedBy: null, approvalRequired: false });
    expect(await db.changeAttribution.count({ where: { changeId: id } })).toBe(1);
  });

  it("follows the threshold stored in the policy in force", async () => {
    const current = await db.approvalPolicy.findFirstOrThrow({ orderBy: { id: "desc" } });
    const { id: _id, createdAt: _at, ...rules } = current;
    await db.approvalPolicy.create({ data: { ...rules, aiShareThreshold: 0.8 } });
    try {
      const id = await humanChange();
      expect(await (await post(id, { format: "git-ai", note: sessionsNote, totalLines: 100 })).json()).toMatchObject({
        aiAssisted: false,
        mismatch: false,
        thresholdApplied: 0.8,
      });
    } finally {
      await db.approvalPolicy.create({ data: { ...rules, aiShareThreshold: 0.2 } });
    }
  });

  it("lets an admin set the threshold as a policy version, carried over when not given", async () => {
    const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
    const rules = { levelsRequiring: ["JUNIOR", "MID"], approverLevels: ["SENIOR"], exemptInvolvements: [] };
    const threshold = async () =>
      (await db.approvalPolicy.findFirstOrThrow({ orderBy: { id: "desc" } })).aiShareThreshold;
    await updateApprovalPolicy({
      actor: admin,
      input: updateApprovalPolicySchema.parse({ ...rules, aiSharePercent: "50" }),
    });
    expect(await threshold()).toBe(0.5);
    await updateApprovalPolicy({
      actor: admin,
      input: updateApprovalPolicySchema.parse({ ...rules, aiSharePercent: "" }),
    });
    expect(await threshold()).toBe(0.5);
    expect(updateApprovalPolicySchema.safeParse({ ...rules, aiSharePercent: "120" }).success).toBe(false);
    expect(updateApprovalPolicySchema.safeParse({ ...rules, aiSharePercent: "2.5" }).success).toBe(false);
    await updateApprovalPolicy({
      actor: admin,
      input: updateApprovalPolicySchema.parse({ ...rules, aiSharePercent: 20 }),
    });
    expect(await threshold()).toBe(0.2);
  });

  it("serialises two posts at once: one row, one consistent answer", async () => {
    const id = await humanChange();
    const answers = await Promise.all([
      post(id, { format: "git-ai", note: sessionsNote, totalLines: 100 }),
      post(id, { format: "entire", checkpoint: JSON.parse(fixture("entire-session-metadata.json")) }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await db.changeAttribution.count({ where: { changeId: id } })).toBe(1);
    expect(await db.approvalDecision.count({ where: { changeId: id, decision: "REQUESTED" } })).toBe(1);
  });
});

describe("evidence in change create and batch", () => {
  const send = (handler: typeof postChange, path: string, body: unknown) =>
    handler(
      new Request(`http://faultline.test/api/v1${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${ciToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) as never },
    );
  const change = async (externalId: string, attribution: unknown) => {
    const slug = (await db.service.findUniqueOrThrow({ where: { id: serviceId } })).slug;
    return {
      source: "ci-attr",
      externalId,
      kind: "DEPLOY",
      title: `Deploy ${externalId}`,
      service: slug,
      author: junior.email,
      attribution,
    };
  };

  it("stores the evidence with the change, or saves nothing when it is bad", async () => {
    const created = await send(
      postChange,
      "/changes",
      await change("attr-1", { format: "git-ai", note: sessionsNote, totalLines: 100 }),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await db.changeAttribution.findUniqueOrThrow({ where: { changeId: id } })).toMatchObject({
      aiShare: 0.73,
      mismatch: true,
    });

    const bad = await send(
      postChange,
      "/changes",
      await change("attr-2", { format: "git-ai", note: "a\n  abcdef1234567890 1-9223372036854775807\n---\n{}" }),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).errors)).toEqual(["attribution.note"]);
    const batch = await send(postBatch, "/changes/batch", {
      changes: [
        await change("attr-3", undefined),
        await change("attr-4", { format: "agent-trace", record: { version: "9.9" } }),
      ],
    });
    expect(batch.status).toBe(422);
    expect(Object.keys((await batch.json()).errors)).toEqual(["changes.1.attribution.record"]);
    expect(
      await db.change.count({ where: { source: "ci-attr", externalId: { in: ["attr-2", "attr-3", "attr-4"] } } }),
    ).toBe(0);
  });
});

describe("the change list's AI share filter", () => {
  it("finds changes by measured band, and those without evidence", async () => {
    const service = (await createTestService(db)).id;
    const make = async () => {
      const id = await humanChange();
      await db.change.update({ where: { id }, data: { serviceId: service } });
      return id;
    };
    const [high, low, zero, unmeasured] = [await make(), await make(), await make(), await make()];
    await post(high, { format: "git-ai", note: sessionsNote, totalLines: 100 }); // 73 %
    await post(low, { format: "git-ai", note: sessionsNote, totalLines: 730 }); // 10 %
    await post(zero, {
      format: "git-ai",
      note: fixture("git-ai-test-serialize_deserialize_no_attestations.note"),
      totalLines: 5,
    }); // 0 %
    const ids = async (share: string) =>
      (await listChanges({ filters: parseChangeFilters({ share, service: String(service) }), timeZone: "UTC" })).rows
        .map((row) => row.id)
        .sort((a, b) => a - b);
    expect(await ids("HIGH")).toEqual([high]);
    expect(await ids("LOW")).toEqual([low]);
    expect(await ids("NONE")).toEqual([zero]);
    expect(await ids("MID")).toEqual([]);
    expect(await ids("UNMEASURED")).toEqual([unmeasured]);
    expect(await ids("LOW,HIGH")).toEqual([high, low].sort((a, b) => a - b));
  });
});

describe("hostile and careless clients", () => {
  const v3 = (ranges: string, version = "authorship/3.0.0") =>
    `a.rs\n  abcdef1234567890 ${ranges}\n---\n{"schema_version":"${version}","base_commit_sha":"","prompts":{}}`;

  it.each([
    ["a range beyond any file", { format: "git-ai", note: v3("1-9223372036854775807") }, /outside 1–4294967295/],
    ["more lines than a change can store", { format: "git-ai", note: v3("1-4294967295") }, /stores at most/],
    ["an unknown git-ai version", { format: "git-ai", note: v3("1-3", "authorship/9.9.9") }, /“authorship\/9.9.9”/],
    [
      "an unknown Agent Trace version",
      { format: "agent-trace", record: { version: "7.0", id: "x", timestamp: "t", files: [] } },
      /“7.0”/,
    ],
    ["an unknown format", { format: "svn-blame", note: "x" }, /format/],
    ["a note that is not text", { format: "git-ai", note: 42 }, /./],
    ["a record that is not an object", { format: "agent-trace", record: "[]" }, /JSON object/],
    ["an extra field", { format: "git-ai", note: v3("1"), sneaky: true }, /./],
    ["a bad commit SHA", { format: "git-ai", note: v3("1"), commitSha: "../../etc" }, /./],
  ])("answers 422, stores nothing, for %s", async (_name, body, message) => {
    const id = await humanChange();
    const response = await post(id, body);
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toMatch(message);
    expect(await db.changeAttribution.count({ where: { changeId: id } })).toBe(0);
    expect(await changeState(id)).toMatchObject({ aiAssisted: false, version: 1 });
  });

  it("answers 404 for a change that does not exist and 403 without the right scope or role", async () => {
    const id = await humanChange();
    expect((await post(99_999_999, { format: "git-ai", note: sessionsNote })).status).toBe(404);
    expect(
      (await post(id, { format: "git-ai", note: sessionsNote }, await createToken(["read"], "ADMIN"))).status,
    ).toBe(403);
    expect(
      (await post(id, { format: "git-ai", note: sessionsNote }, await createToken(["changes:write"], "MANAGER")))
        .status,
    ).toBe(403);
    expect(await db.changeAttribution.count({ where: { changeId: id } })).toBe(0);
  });
});
