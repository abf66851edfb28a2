import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { DEMO_PASSWORD } from "@/lib/server/demo/demo-catalog";
import { verifyCredentials } from "@/lib/server/services/auth/verify-credentials";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { resetPassword } from "./reset-password";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());
afterEach(() => {
  delete process.env.FAULTLINE_DEMO_DATA;
});

describe("resetPassword (faultline user reset-password)", () => {
  it("sets the new password, ends the person's sessions and audits it as CLI without the password", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password: "the-old-password-1" });
    await db.userSession.create({
      data: { id: "s-1", userId: user.id, method: "password", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await resetPassword({ actor: CLI_ACTOR, email: user.email.toUpperCase(), password: "the-new-password-2" });
    await expect(
      verifyCredentials({ email: user.email, password: "the-new-password-2", address: "192.0.2.1" }),
    ).resolves.toMatchObject({
      id: user.id,
    });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: "s-1" } })).revokedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.password_reset" } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "CLI", entityId: String(user.id) });
    expect(JSON.stringify(audit.after)).not.toContain("the-new-password-2");
  });

  it("refuses a short password, an unknown email, and a non-admin actor", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db);
    await expect(resetPassword({ actor: CLI_ACTOR, email: user.email, password: "short" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      resetPassword({ actor: CLI_ACTOR, email: "nobody@example.test", password: "long-enough-password" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const engineer = await createTestUser(db);
    await expect(
      resetPassword({ actor: engineer, email: user.email, password: "long-enough-password" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the published demo password on a real PostgreSQL", () => {
  it("is refused unless FAULTLINE_DEMO_DATA=1 was set", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password: DEMO_PASSWORD });
    await expect(
      verifyCredentials({ email: user.email, password: DEMO_PASSWORD, address: "192.0.2.1" }),
    ).rejects.toThrow(/demo password is switched off/);
    process.env.FAULTLINE_DEMO_DATA = "1";
    await expect(
      verifyCredentials({ email: user.email, password: DEMO_PASSWORD, address: "192.0.2.1" }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });
});
