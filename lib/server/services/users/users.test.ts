import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSchema } from "@/lib/schemas/admin-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { getActiveUser } from "@/lib/server/queries/users/get-active-user";
import { verifyCredentials } from "@/lib/server/services/auth/verify-credentials";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { createUser } from "./create-user";
import { setUserActive } from "./set-user-active";
import { updateUser } from "./update-user";

let database: TestDatabase;
let db: Db;
let admin: SessionUser;
beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
});
afterAll(() => database.dispose());

const newUser = (email: string, extra: Partial<Parameters<typeof createUser>[0]["input"]> = {}) =>
  createUser({
    actor: admin,
    input: {
      name: "Jo Junior",
      email,
      role: "ENGINEER",
      level: "JUNIOR",
      teamId: null,
      password: "correct horse battery",
      ...extra,
    },
  });
const edit = (actor: SessionUser, user: SessionUser, changes: Partial<Parameters<typeof updateUser>[0]["input"]>) =>
  updateUser({
    actor,
    input: { userId: user.id, name: user.name, role: user.role, level: user.level, teamId: null, ...changes },
  });

describe("creating users", () => {
  it("creates a person who can sign in with the initial password, audited without the password", async () => {
    const team = await db.team.create({ data: { name: "Checkout", slug: "checkout" } });
    const { id } = await newUser("jo@example.test", { teamId: team.id });
    const row = await db.user.findUniqueOrThrow({
      where: { id },
      select: { name: true, role: true, level: true, teamId: true, active: true, passwordHash: true },
    });
    expect(row).toMatchObject({ name: "Jo Junior", role: "ENGINEER", level: "JUNIOR", teamId: team.id, active: true });
    expect(await bcrypt.compare("correct horse battery", row.passwordHash!)).toBe(true);
    expect(
      await verifyCredentials({ email: "JO@example.test", password: "correct horse battery", address: "192.0.2.1" }),
    ).toMatchObject({
      id,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "User", entityId: String(id) } });
    expect(audit).toMatchObject({ action: "user.created", actorId: admin.id });
    expect(JSON.stringify(audit.after)).not.toContain("correct horse");
  });

  it("answers a duplicate email with a 409 on the email field", async () => {
    await newUser("dup@example.test");
    const error = await newUser("DUP@example.test").catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(error.fieldErrors.email[0]).toMatch(/already exists/);
  });

  it("refuses an archived team", async () => {
    const team = await db.team.create({ data: { name: "Old team", slug: "old-team", archivedAt: new Date() } });
    await expect(newUser("archived-team@example.test", { teamId: team.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { teamId: expect.any(Array) },
    });
  });

  it("asks for a password of at least 12 characters", () => {
    const result = createUserSchema.safeParse({
      name: "Al",
      email: "al@example.test",
      role: "ENGINEER",
      level: "MID",
      teamId: "",
      password: "short-pass",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["password"],
      message: expect.stringMatching(/at least 12/),
    });
  });
});

describe("editing users", () => {
  it("audits a level change with before and after, and it applies to future changes only", async () => {
    const service = await createTestService(db);
    const junior = await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" });
    const aiChange = (title: string) =>
      registerChange({
        actor: junior,
        input: {
          kind: "DEPLOY",
          title,
          serviceId: service.id,
          repository: null,
          externalId: null,
          externalUrl: null,
          authorId: junior.id,
          shippedAt: null,
          aiAssisted: true,
          aiToolId: null,
          aiInvolvement: "CO_AUTHORED",
        },
      });
    const first = await aiChange("Before the promotion");
    await edit(admin, junior, { level: "SENIOR" });
    const second = await aiChange("After the promotion");
    const changes = await db.change.findMany({
      where: { id: { in: [first.id, second.id] } },
      orderBy: { id: "asc" },
      select: { authorLevel: true, approvalState: true },
    });
    expect(changes).toEqual([
      { authorLevel: "JUNIOR", approvalState: "PENDING" },
      { authorLevel: "SENIOR", approvalState: "NOT_REQUIRED" },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: String(junior.id), action: "user.level_changed" },
    });
    expect(audit).toMatchObject({ before: { level: "JUNIOR" }, after: { level: "SENIOR" } });
  });

  it("writes nothing when nothing changed", async () => {
    const user = await createTestUser(db);
    expect(await edit(admin, user, {})).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { entityType: "User", entityId: String(user.id) } })).toBe(0);
  });

  it("answers an unknown user with 404", async () => {
    await expect(
      updateUser({
        actor: admin,
        input: { userId: 999_999, name: "Nobody", role: "ENGINEER", level: "MID", teamId: null },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("deactivating", () => {
  it("ends the sessions at once, refuses sign-in and keeps the name in history", async () => {
    const user = await createTestUser(db, { password: "a long password!" });
    await db.userSession.create({
      data: { id: `s-${user.id}`, userId: user.id, method: "password", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await getActiveUser(user.id, `s-${user.id}`)).not.toBeNull();
    await setUserActive({ actor: admin, input: { userId: user.id, active: false } });
    expect(await getActiveUser(user.id, `s-${user.id}`)).toBeNull();
    await expect(
      verifyCredentials({ email: user.email, password: "a long password!", address: "192.0.2.1" }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/deactivated/),
    });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: `s-${user.id}` } })).revokedAt).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: user.name,
      active: false,
      deactivatedAt: expect.any(Date),
    });

    await setUserActive({ actor: admin, input: { userId: user.id, active: true } });
    expect(await getActiveUser(user.id, `s-${user.id}`)).toBeNull(); // the old session stays ended
    await db.userSession.create({
      data: { id: `s2-${user.id}`, userId: user.id, method: "password", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await getActiveUser(user.id, `s2-${user.id}`)).toMatchObject({ id: user.id });
    const actions = await db.auditLog.findMany({
      where: { entityType: "User", entityId: String(user.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("does not let an admin deactivate themselves", async () => {
    await expect(setUserActive({ actor: admin, input: { userId: admin.id, active: false } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated; with a second admin they can", async () => {
    await db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "ENGINEER" } });
    const other = await createTestUser(db, { role: "ENGINEER" });
    await expect(edit(admin, admin, { role: "MANAGER" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/last active admin/),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");

    const second = await createTestUser(db, { role: "ADMIN" });
    await setUserActive({ actor: second, input: { userId: admin.id, active: false } });
    await expect(setUserActive({ actor: admin, input: { userId: second.id, active: false } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await setUserActive({ actor: second, input: { userId: admin.id, active: true } });
    expect(other.role).toBe("ENGINEER");
  });

  it("survives two admins demoting each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "ENGINEER" } });
      const [a, b] = await Promise.all([createTestUser(db, { role: "ADMIN" }), createTestUser(db, { role: "ADMIN" })]);
      const results = await Promise.allSettled([edit(a, b, { role: "ENGINEER" }), edit(b, a, { role: "ENGINEER" })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    }
  });

  it("survives one admin demoted while the other is deactivated at the same moment", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "ENGINEER" } });
    const [a, b] = await Promise.all([createTestUser(db, { role: "ADMIN" }), createTestUser(db, { role: "ADMIN" })]);
    const results = await Promise.allSettled([
      setUserActive({ actor: a, input: { userId: b.id, active: false } }),
      edit(b, a, { role: "MANAGER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});
