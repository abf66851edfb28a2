import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { isAppError } from "@/lib/server/errors";
import { markChangeShippedSchema, updateChangeSchema, type UpdateChangeInput } from "@/lib/schemas/change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";
import { registerChange } from "./register-change";
import { markChangeShipped } from "./mark-change-shipped";
import { updateChange } from "./update-change";

let database: TestDatabase;
let db: Db;
let junior: SessionUser;
let other: SessionUser;
let senior: SessionUser;
let manager: SessionUser;
let serviceId: number;
let otherServiceId: number;
let archivedServiceId: number;
let toolId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  junior = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
  other = await createTestUser(db, { role: "ENGINEER", level: "MID" });
  senior = await createTestUser(db, { role: "ENGINEER", level: "SENIOR" });
  manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
  serviceId = (await createTestService(db)).id;
  otherServiceId = (await createTestService(db)).id;
  archivedServiceId = (await createTestService(db, { archived: true })).id;
  toolId = (await db.aiTool.create({ data: { name: "Cursor", slug: "cursor-edit-test" } })).id;
}, 60_000);
afterAll(() => database?.dispose());

async function newChange(ai = false) {
  return registerChange({
    actor: junior,
    input: {
      kind: "DEPLOY",
      title: "Raise the pool size",
      serviceId,
      repository: null,
      externalId: null,
      externalUrl: null,
      authorId: null,
      shippedAt: null,
      aiAssisted: ai,
      aiToolId: ai ? toolId : null,
      aiInvolvement: ai ? "AGENT_AUTHORED" : null,
    },
  });
}
const row = (id: number) => db.change.findUniqueOrThrow({ where: { id } });
async function edit(id: number, patch: Partial<UpdateChangeInput>, actor: SessionUser = junior) {
  const current = await row(id);
  const input: UpdateChangeInput = {
    changeId: id,
    version: current.version,
    kind: current.kind,
    title: current.title,
    serviceId: current.serviceId,
    repository: current.repository,
    externalUrl: current.externalUrl,
    aiAssisted: current.aiAssisted,
    aiToolId: current.aiToolId,
    aiInvolvement: current.aiInvolvement,
    ...patch,
  };
  return updateChange({ actor, input });
}
async function code(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return "resolved";
}

describe("updateChange", () => {
  it("edits title, kind and service, bumps the version and audits only what moved", async () => {
    const { id } = await newChange();
    const result = await edit(id, { title: "Raise the pool size to 40", kind: "CONFIG", serviceId: otherServiceId });
    expect(result.changed).toEqual(["kind", "title", "serviceId"]);
    expect(await row(id)).toMatchObject({ title: "Raise the pool size to 40", kind: "CONFIG", version: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: String(id), action: "change.updated" } });
    expect(audit.before).toEqual({ kind: "DEPLOY", title: "Raise the pool size", serviceId });
    expect(audit.actorId).toBe(junior.id);
    expect((await edit(id, {})).changed).toEqual([]);
  });

  it("re-evaluates the approval on a material edit: marking it AI-assisted makes it wait; a dismissed approval no longer counts", async () => {
    const { id } = await newChange();
    await edit(id, { aiAssisted: true, aiToolId: toolId, aiInvolvement: "AGENT_AUTHORED" });
    expect(await row(id)).toMatchObject({ approvalRequired: true, approvalState: "PENDING" });
    await decideChangeApproval({ actor: senior, input: { changeId: id, decision: "APPROVED", comment: "" } });
    expect((await row(id)).approvalState).toBe("APPROVED");
    await edit(id, { serviceId: otherServiceId });
    expect(await row(id)).toMatchObject({ approvalState: "PENDING", approverId: null });
    // A title edit is not material: the state stays.
    await edit(id, { title: "Retitled" });
    expect((await row(id)).approvalState).toBe("PENDING");
  });

  it("refuses another engineer, lets a manager edit, and refuses a stale version, an archived service, an unknown tool", async () => {
    const { id } = await newChange();
    expect(await code(edit(id, { title: "Mine now" }, other))).toBe("FORBIDDEN");
    expect(await code(edit(id, { title: "Fixed by a manager" }, manager))).toBe("resolved");
    const stale = (await row(id)).version - 1;
    expect(await code(edit(id, { title: "Old form", version: stale }))).toBe("STALE");
    expect(await code(edit(id, { serviceId: archivedServiceId }))).toBe("VALIDATION");
    expect(await code(edit(id, { aiAssisted: true, aiToolId: 999_999, aiInvolvement: "SUGGESTED" }))).toBe(
      "VALIDATION",
    );
    const missing = { ...(await row(id)), changeId: 999_999, version: 1 };
    expect(await code(updateChange({ actor: junior, input: { ...missing } as UpdateChangeInput }))).toBe("NOT_FOUND");
    expect((await row(id)).title).toBe("Fixed by a manager");
  });

  it("two simultaneous edits from the same version: exactly one is saved", async () => {
    const { id } = await newChange();
    const results = await Promise.allSettled([edit(id, { title: "First edit" }), edit(id, { title: "Second edit" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await row(id)).version).toBe(2);
  });

  it("the schema refuses NUL bytes, absurd titles and AI assistance without a tool", () => {
    const base = { changeId: 1, version: 1, kind: "DEPLOY", serviceId: 1 };
    expect(updateChangeSchema.safeParse({ ...base, title: "x".repeat(301) }).success).toBe(false);
    expect(updateChangeSchema.safeParse({ ...base, title: "ok title", aiAssisted: "on" }).success).toBe(false);
    expect(
      updateChangeSchema.safeParse({ ...base, title: "ok title", externalUrl: "javascript:alert(1)" }).success,
    ).toBe(false);
    expect(markChangeShippedSchema.safeParse({ changeId: 1, version: 1, shippedAt: "2999-01-01T00:00" }).success).toBe(
      false,
    );
  });
});

describe("markChangeShipped", () => {
  it("ships once; an unapproved required change becomes a violation", async () => {
    const { id } = await newChange(true);
    const version = (await row(id)).version;
    const shippedAt = new Date(Date.now() - 60_000);
    await markChangeShipped({ actor: junior, input: { changeId: id, version, shippedAt } });
    expect(await row(id)).toMatchObject({ shippedAt, approvalState: "PENDING" });
    const [compliance] = await db.$queryRaw<Array<{ compliance: string }>>`
      SELECT compliance FROM "ChangeOutcome" WHERE id = ${id}`;
    expect(compliance?.compliance).toBe("VIOLATION");
    const again = markChangeShipped({ actor: junior, input: { changeId: id, version: version + 1, shippedAt } });
    expect(await code(again)).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { entityId: String(id), action: "change.shipped" } })).toBe(1);
  });

  it("refuses another engineer", async () => {
    const { id } = await newChange();
    const input = { changeId: id, version: 1, shippedAt: new Date() };
    expect(await code(markChangeShipped({ actor: other, input }))).toBe("FORBIDDEN");
  });
});
