import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { decideChangeApproval } from "./decide-change-approval";
import { requestApproval } from "./request-approval";
import { updateApprovalPolicy } from "./update-approval-policy";

let database: TestDatabase;
let db: Db;
let junior: SessionUser, senior: SessionUser, senior2: SessionUser, manager: SessionUser, admin: SessionUser;
let serviceId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  junior = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
  senior = await createTestUser(db, { role: "ENGINEER", level: "SENIOR" });
  senior2 = await createTestUser(db, { role: "ENGINEER", level: "SENIOR" });
  manager = await createTestUser(db, { role: "MANAGER", level: "MID" });
  admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  serviceId = (await createTestService(db)).id;
});
afterAll(() => database.dispose());

const aiChange = (
  author: SessionUser,
  extra: { aiInvolvement?: "SUGGESTED" | "CO_AUTHORED" | "AGENT_AUTHORED"; aiAssisted?: boolean } = {},
) =>
  registerChange({
    actor: author,
    input: {
      kind: "DEPLOY",
      title: "AI change",
      serviceId,
      repository: null,
      externalId: null,
      externalUrl: null,
      authorId: author.id,
      shippedAt: null,
      aiAssisted: extra.aiAssisted ?? true,
      aiToolId: null,
      aiInvolvement: extra.aiInvolvement ?? "CO_AUTHORED",
    },
  });
const stateOf = async (id: number) =>
  db.change.findUniqueOrThrow({
    where: { id },
    select: { approvalRequired: true, approvalState: true, approverId: true, authorLevel: true, policyId: true },
  });

describe("requesting approval", () => {
  it("puts a junior's AI-assisted change in pending and tells the approvers, not the author", async () => {
    const { id } = await aiChange(junior);
    expect(await stateOf(id)).toMatchObject({
      approvalRequired: true,
      approvalState: "PENDING",
      authorLevel: "JUNIOR",
    });
    const notified = await db.notification.findMany({ where: { href: `/changes/${id}` }, select: { userId: true } });
    const ids = notified.map((n) => n.userId);
    expect(ids).toEqual(expect.arrayContaining([senior.id, senior2.id, admin.id]));
    expect(ids).not.toContain(junior.id);
    expect(ids).not.toContain(manager.id);
  });
  it("does not need approval for a senior's or a non-AI change", async () => {
    expect(await stateOf((await aiChange(senior)).id)).toMatchObject({
      approvalRequired: false,
      approvalState: "NOT_REQUIRED",
    });
    expect(await stateOf((await aiChange(junior, { aiAssisted: false })).id)).toMatchObject({
      approvalRequired: false,
    });
  });
});

describe("deciding", () => {
  it("lets a senior approve, records who and when, and tells the author", async () => {
    const { id } = await aiChange(junior);
    await decideChangeApproval({ actor: senior, input: { changeId: id, decision: "APPROVED", comment: "" } });
    expect(await stateOf(id)).toMatchObject({ approvalState: "APPROVED", approverId: senior.id });
    expect(
      await db.notification.count({ where: { userId: junior.id, kind: "approval.approved", href: `/changes/${id}` } }),
    ).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityType: "Change", entityId: String(id), action: "change.approved" } }),
    ).toBe(1);
  });

  it("refuses the author, a junior and a manager who is not senior", async () => {
    const own = await aiChange(await createTestUser(db, { role: "ENGINEER", level: "MID" }));
    await expect(
      decideChangeApproval({ actor: junior, input: { changeId: own.id, decision: "APPROVED", comment: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideChangeApproval({ actor: manager, input: { changeId: own.id, decision: "APPROVED", comment: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: /manager role alone/ });
    // A senior author under a policy that requires seniors too cannot approve their own change.
    await updateApprovalPolicy({
      actor: admin,
      input: { levelsRequiring: ["JUNIOR", "MID", "SENIOR"], approverLevels: ["SENIOR"], exemptInvolvements: [] },
    });
    const seniorOwn = await aiChange(senior);
    await expect(
      decideChangeApproval({ actor: senior, input: { changeId: seniorOwn.id, decision: "APPROVED", comment: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: /someone else/ });
    await updateApprovalPolicy({
      actor: admin,
      input: { levelsRequiring: ["JUNIOR", "MID"], approverLevels: ["SENIOR"], exemptInvolvements: [] },
    });
    expect(await stateOf(own.id)).toMatchObject({ approvalState: "PENDING" });
  });

  it("lets exactly one of two seniors acting at once decide", async () => {
    const { id } = await aiChange(junior);
    const results = await Promise.allSettled([
      decideChangeApproval({ actor: senior, input: { changeId: id, decision: "APPROVED", comment: "" } }),
      decideChangeApproval({ actor: senior2, input: { changeId: id, decision: "REJECTED", comment: "Needs tests" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "CONFLICT", message: /already (approved|rejected) this change/ });
    expect(
      await db.approvalDecision.count({ where: { changeId: id, decision: { in: ["APPROVED", "REJECTED"] } } }),
    ).toBe(1);
  });

  it("lets a rejected change be revised and re-requested by its author", async () => {
    const { id } = await aiChange(junior);
    await decideChangeApproval({
      actor: senior,
      input: { changeId: id, decision: "REJECTED", comment: "Add a canary" },
    });
    await expect(
      requestApproval({ actor: senior2, input: { changeId: id, title: "x".repeat(5), comment: "mine now" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await requestApproval({
      actor: junior,
      input: { changeId: id, title: "AI change with canary", comment: "Added a canary step" },
    });
    expect(await db.change.findUniqueOrThrow({ where: { id } })).toMatchObject({
      approvalState: "PENDING",
      title: "AI change with canary",
      approverId: null,
    });
    const history = (await db.approvalDecision.findMany({ where: { changeId: id }, orderBy: { id: "asc" } })).map(
      (d) => d.decision,
    );
    expect(history).toEqual(["REQUESTED", "REJECTED", "REQUESTED"]);
  });
});

describe("policy as data", () => {
  it("applies a new version to new changes only", async () => {
    const before = await aiChange(junior, { aiInvolvement: "SUGGESTED" });
    const { id: policyId } = await updateApprovalPolicy({
      actor: admin,
      input: { levelsRequiring: ["JUNIOR", "MID"], approverLevels: ["SENIOR"], exemptInvolvements: ["SUGGESTED"] },
    });
    const after = await aiChange(junior, { aiInvolvement: "SUGGESTED" });
    expect(await stateOf(before.id)).toMatchObject({ approvalRequired: true, approvalState: "PENDING" });
    expect(await stateOf(after.id)).toMatchObject({ approvalRequired: false, approvalState: "NOT_REQUIRED", policyId });
    expect(await db.auditLog.count({ where: { action: "approval_policy.updated" } })).toBeGreaterThan(0);
    await updateApprovalPolicy({
      actor: admin,
      input: { levelsRequiring: ["JUNIOR", "MID"], approverLevels: ["SENIOR"], exemptInvolvements: [] },
    });
  });
  it("is editable by admins only", async () => {
    await expect(
      updateApprovalPolicy({
        actor: senior,
        input: { levelsRequiring: [], approverLevels: ["SENIOR"], exemptInvolvements: [] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
