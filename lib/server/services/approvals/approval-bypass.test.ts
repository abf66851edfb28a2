import { integrationActor } from "@/lib/server/auth/actor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { isAppError } from "@/lib/server/errors";
import { ingestChanges, type ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { decideChangeApproval } from "./decide-change-approval";
import { updateApprovalPolicy } from "./update-approval-policy";

// The ways round the senior-approval rule listed in issue #12, each tried as the person
// who wants to dodge it, at the service level (one service, several doors).

let database: TestDatabase;
let db: Db;
let junior: SessionUser, senior: SessionUser, senior2: SessionUser, manager: SessionUser;
let serviceId: number, otherServiceId: number, toolId: number, otherToolId: number;
const ci = integrationActor("API token ci", null);

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  junior = await createTestUser(db, { level: "JUNIOR" });
  senior = await createTestUser(db, { level: "SENIOR" });
  senior2 = await createTestUser(db, { level: "SENIOR" });
  manager = await createTestUser(db, { role: "MANAGER", level: "MID" });
  serviceId = (await createTestService(db)).id;
  otherServiceId = (await createTestService(db)).id;
  toolId = (await db.aiTool.create({ data: { name: "Tool A", slug: "tool-a" } })).id;
  otherToolId = (await db.aiTool.create({ data: { name: "Tool B", slug: "tool-b" } })).id;
  ci.userId = (await createTestUser(db, { role: "ADMIN", level: "SENIOR" })).id;
});
afterAll(() => database.dispose());

const form = (authorId: number) => ({
  kind: "DEPLOY" as const,
  title: "AI change",
  serviceId,
  repository: null,
  externalId: null,
  externalUrl: null,
  authorId,
  shippedAt: null,
  aiAssisted: true,
  aiToolId: toolId,
  aiInvolvement: "AGENT_AUTHORED" as const,
});
const stateOf = (id: number) =>
  db.change.findUniqueOrThrow({
    where: { id },
    select: { approvalRequired: true, approvalState: true, approverId: true, authorId: true, authorLevel: true },
  });
let counter = 0;
const external = (overrides: Partial<ExternalChangeInput> = {}): ExternalChangeInput => ({
  source: "api",
  externalId: `bypass-${(counter += 1)}-${Date.now()}`,
  kind: "DEPLOY",
  title: "CI change",
  serviceId,
  ...overrides,
});
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (isAppError(error) ? error.code : String(error)),
  );

describe("author impersonation", () => {
  it("refuses a junior registering an AI change in a senior's name, and saves nothing", async () => {
    const before = await db.change.count();
    expect(await codeOf(registerChange({ actor: junior, input: form(senior.id) }))).toBe("FORBIDDEN");
    expect(await db.change.count()).toBe(before);
  });

  it("lets a manager register for a junior: the junior is the author and approval is required", async () => {
    const { id } = await registerChange({ actor: manager, input: form(junior.id) });
    expect(await stateOf(id)).toMatchObject({
      authorId: junior.id,
      authorLevel: "JUNIOR",
      approvalRequired: true,
      approvalState: "PENDING",
    });
  });
});

describe("approval decided once, never again (API / GitHub upsert)", () => {
  it("requires approval when a junior's change is re-posted as AI-assisted", async () => {
    const first = external({ authorId: junior.id, aiAssisted: false });
    const [created] = await ingestChanges(ci, [first]);
    expect((await stateOf(created.id)).approvalState).toBe("NOT_REQUIRED");
    await ingestChanges(ci, [{ ...first, aiAssisted: true, aiToolId: toolId, aiInvolvement: "CO_AUTHORED" }]);
    expect(await stateOf(created.id)).toMatchObject({ approvalRequired: true, approvalState: "PENDING" });
  });

  it("requires approval when a senior's AI change is re-posted with a junior author", async () => {
    const first = external({ authorId: senior.id, aiAssisted: true, aiToolId: toolId });
    const [created] = await ingestChanges(ci, [first]);
    expect((await stateOf(created.id)).approvalState).toBe("NOT_REQUIRED");
    await ingestChanges(ci, [{ ...first, authorId: junior.id }]);
    expect(await stateOf(created.id)).toMatchObject({
      authorLevel: "JUNIOR",
      approvalRequired: true,
      approvalState: "PENDING",
    });
  });

  it("dismisses an approval when the tool, service or involvement changes after it, and tells author and approver", async () => {
    for (const patch of [
      { aiToolId: otherToolId },
      { serviceId: otherServiceId },
      { aiInvolvement: "AGENT_AUTHORED" as const },
    ]) {
      const first = external({ authorId: junior.id, aiAssisted: true, aiToolId: toolId, aiInvolvement: "SUGGESTED" });
      const [created] = await ingestChanges(ci, [first]);
      await decideChangeApproval({ actor: senior, input: { changeId: created.id, decision: "APPROVED", comment: "" } });
      expect((await stateOf(created.id)).approvalState).toBe("APPROVED");
      await ingestChanges(ci, [{ ...first, ...patch }]);
      expect(await stateOf(created.id)).toMatchObject({ approvalState: "PENDING", approverId: null });
      const audit = await db.auditLog.findMany({
        where: { entityType: "Change", entityId: String(created.id), action: "change.approval_dismissed" },
      });
      expect(audit).toHaveLength(1);
      const notified = await db.notification.findMany({
        where: { href: `/changes/${created.id}`, kind: "approval.dismissed" },
        select: { userId: true },
      });
      expect(notified.map((n) => n.userId).sort()).toEqual([junior.id, senior.id].sort());
    }
  });

  it("keeps the approval when only the title changes", async () => {
    const first = external({ authorId: junior.id, aiAssisted: true, aiToolId: toolId });
    const [created] = await ingestChanges(ci, [first]);
    await decideChangeApproval({ actor: senior2, input: { changeId: created.id, decision: "APPROVED", comment: "" } });
    await ingestChanges(ci, [{ ...first, title: "Retitled" }]);
    expect((await stateOf(created.id)).approvalState).toBe("APPROVED");
  });

  it("keeps the approval after a material change when the policy says not to dismiss, and dismisses again once it does", async () => {
    const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
    const policy = { levelsRequiring: ["JUNIOR", "MID"] as const, approverLevels: ["SENIOR"] as const };
    const set = (dismissStaleApprovals: boolean) =>
      updateApprovalPolicy({
        actor: admin,
        input: {
          levelsRequiring: [...policy.levelsRequiring],
          approverLevels: [...policy.approverLevels],
          exemptInvolvements: [],
          dismissStaleApprovals,
        },
      });
    await set(false);
    try {
      const first = external({ authorId: junior.id, aiAssisted: true, aiToolId: toolId });
      const [created] = await ingestChanges(ci, [first]);
      await decideChangeApproval({ actor: senior, input: { changeId: created.id, decision: "APPROVED", comment: "" } });
      await ingestChanges(ci, [{ ...first, aiToolId: otherToolId }]);
      expect((await stateOf(created.id)).approvalState).toBe("APPROVED");
      await set(true);
      await ingestChanges(ci, [{ ...first, aiToolId: toolId }]);
      expect((await stateOf(created.id)).approvalState).toBe("PENDING");
    } finally {
      await set(true);
    }
  });

  it("refuses an approval of a version the approver did not see (changed after the check)", async () => {
    const first = external({ authorId: junior.id, aiAssisted: true, aiToolId: toolId });
    const [created] = await ingestChanges(ci, [first]);
    const seen = (await db.change.findUniqueOrThrow({ where: { id: created.id } })).version;
    await ingestChanges(ci, [{ ...first, aiToolId: otherToolId }]);
    const decide = decideChangeApproval({
      actor: senior,
      input: { changeId: created.id, decision: "APPROVED", comment: "", version: seen },
    });
    expect(await codeOf(decide)).toBe("STALE");
    expect((await stateOf(created.id)).approvalState).toBe("PENDING");
  });

  it("never ends approved when an approval and a material change race", async () => {
    for (let round = 0; round < 5; round += 1) {
      const first = external({ authorId: junior.id, aiAssisted: true, aiToolId: toolId });
      const [created] = await ingestChanges(ci, [first]);
      const seen = (await db.change.findUniqueOrThrow({ where: { id: created.id } })).version;
      const outcomes = await Promise.allSettled([
        decideChangeApproval({
          actor: senior,
          input: { changeId: created.id, decision: "APPROVED", comment: "", version: seen },
        }),
        ingestChanges(ci, [{ ...first, aiToolId: otherToolId }]),
      ]);
      expect(outcomes[1].status).toBe("fulfilled");
      expect((await stateOf(created.id)).approvalState).toBe("PENDING");
    }
  });

  it("records who registered a change for whom, in the row and the audit log", async () => {
    const { id } = await registerChange({ actor: manager, input: form(junior.id) });
    expect((await db.change.findUniqueOrThrow({ where: { id } })).registeredById).toBe(manager.id);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Change", entityId: String(id), action: "change.registered" },
    });
    expect(audit).toMatchObject({
      actorId: manager.id,
      after: expect.objectContaining({ authorId: junior.id, registeredById: manager.id }),
    });
    const own = await registerChange({ actor: junior, input: { ...form(junior.id), authorId: null } });
    expect(await stateOf(own.id)).toMatchObject({ authorId: junior.id, approvalState: "PENDING" });
    expect((await db.change.findUniqueOrThrow({ where: { id: own.id } })).registeredById).toBeNull();
  });

  it("keeps the state a change shipped with, whatever is posted after", async () => {
    const shippedAt = new Date(Date.now() - 60_000);
    const first = external({ authorId: junior.id, aiAssisted: false, shippedAt });
    const [created] = await ingestChanges(ci, [first]);
    await ingestChanges(ci, [{ ...first, aiAssisted: true, aiToolId: toolId }]);
    expect((await stateOf(created.id)).approvalState).toBe("NOT_REQUIRED");
  });
});
