import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { getActiveUser } from "@/lib/server/queries/users/get-active-user";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { changePassword } from "./change-password";
import { endSession } from "./end-session";
import { LOGIN_THROTTLE } from "./login-throttle";
import { resolveOidcUser, type OidcIdentity } from "./resolve-oidc-user";
import { revokeOtherSessions } from "./revoke-other-sessions";
import { revokeSession } from "./revoke-session";
import { startSession } from "./start-session";
import { verifyCredentials } from "./verify-credentials";

let database: TestDatabase;
let db: Db;
const ISSUER = "https://id.example.test";
const ADDRESS = "198.51.100.7";
const identity = (extra: Partial<OidcIdentity>): OidcIdentity => ({
  issuer: ISSUER,
  subject: `sub-${Math.random()}`,
  email: null,
  emailVerified: true,
  name: "Ada Lovelace",
  ...extra,
});
const open = (user: SessionUser, method: "password" | "oidc" = "password") =>
  startSession({ userId: user.id, method, userAgent: "vitest", ip: "127.0.0.1", maxAgeSeconds: 3600 });

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
});
afterAll(() => database.dispose());

describe("single sign-on: which user", () => {
  beforeEach(async () => {
    await db.orgSettings.update({ where: { id: 1 }, data: { ssoDefaultRole: "ENGINEER", ssoDefaultLevel: "JUNIOR" } });
  });

  it("creates a new user with the default role and level and no password, audited", async () => {
    const result = await resolveOidcUser(
      identity({ subject: "new-1", email: "New.Person@Example.test", name: "New Person" }),
    );
    expect(result).toMatchObject({
      ok: true,
      outcome: "created",
      user: { email: "new.person@example.test", name: "New Person", role: "ENGINEER", level: "JUNIOR" },
    });
    const row = await db.user.findUniqueOrThrow({
      where: { email: "new.person@example.test" },
      select: { id: true, passwordHash: true, oidcIssuer: true, oidcSubject: true },
    });
    expect(row).toMatchObject({ passwordHash: null, oidcIssuer: ISSUER, oidcSubject: "new-1" });
    expect(await db.auditLog.count({ where: { action: "user.created_by_sso", entityId: String(row.id) } })).toBe(1);
  });

  it("finds the same user again by issuer and subject, even when the email changed", async () => {
    const first = await resolveOidcUser(identity({ subject: "stable", email: "stable@example.test" }));
    const again = await resolveOidcUser(identity({ subject: "stable", email: "renamed@example.test" }));
    expect(again).toMatchObject({ ok: true, outcome: "existing" });
    expect(first.ok && again.ok && again.user.id === first.user.id).toBe(true);
  });

  it("links an existing user by a verified email (any case), keeping role, level and password", async () => {
    const existing = await createTestUser(db, {
      email: "linkme@example.test",
      role: "MANAGER",
      level: "SENIOR",
      password: "old-password-123",
    });
    const result = await resolveOidcUser(
      identity({ subject: "link-1", email: "LinkMe@example.test", emailVerified: true }),
    );
    expect(result).toMatchObject({
      ok: true,
      outcome: "linked",
      user: { id: existing.id, role: "MANAGER", level: "SENIOR" },
    });
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: existing.id },
        select: { oidcSubject: true, passwordHash: true },
      }),
    ).toMatchObject({ oidcSubject: "link-1", passwordHash: expect.any(String) });
    expect(await db.auditLog.count({ where: { action: "user.sso_linked", entityId: String(existing.id) } })).toBe(1);
  });

  it("never links by an unverified email", async () => {
    const existing = await createTestUser(db, { email: "victim@example.test" });
    expect(
      await resolveOidcUser(identity({ subject: "attacker", email: "victim@example.test", emailVerified: false })),
    ).toEqual({ ok: false, refusal: "SsoEmailUnverified" });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).oidcSubject).toBeNull();
    expect(await db.user.count({ where: { oidcSubject: "attacker" } })).toBe(0);
  });

  it("refuses a deactivated user, linked or found by email", async () => {
    await createTestUser(db, { email: "gone@example.test", active: false });
    expect(await resolveOidcUser(identity({ subject: "gone", email: "gone@example.test" }))).toEqual({
      ok: false,
      refusal: "SsoDeactivated",
    });
    const linked = await resolveOidcUser(identity({ subject: "leaver", email: "leaver@example.test" }));
    expect(linked.ok).toBe(true);
    await db.user.update({ where: { email: "leaver@example.test" }, data: { active: false } });
    expect(await resolveOidcUser(identity({ subject: "leaver", email: "leaver@example.test" }))).toEqual({
      ok: false,
      refusal: "SsoDeactivated",
    });
  });

  it("refuses without an email, and an email already linked to another identity", async () => {
    expect(await resolveOidcUser(identity({ subject: "no-mail", email: null }))).toEqual({
      ok: false,
      refusal: "SsoNoEmail",
    });
    await resolveOidcUser(identity({ subject: "owner", email: "taken@example.test" }));
    expect(await resolveOidcUser(identity({ subject: "other", email: "taken@example.test" }))).toEqual({
      ok: false,
      refusal: "SsoAlreadyLinked",
    });
  });
});

describe("sessions", () => {
  it("a live session finds its user; revoked, expired, missing or another user's do not", async () => {
    const user = await createTestUser(db);
    const other = await createTestUser(db);
    const sid = await open(user);
    expect(await getActiveUser(user.id, sid)).toMatchObject({ id: user.id });
    expect(await getActiveUser(other.id, sid)).toBeNull();
    expect(await getActiveUser(user.id, "no-such-session")).toBeNull();
    await endSession(sid);
    expect(await getActiveUser(user.id, sid)).toBeNull();
    const expired = await open(user);
    await db.userSession.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getActiveUser(user.id, expired)).toBeNull();
  });

  it("refuses a live session of a deactivated user", async () => {
    const user = await createTestUser(db);
    const sid = await open(user);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getActiveUser(user.id, sid)).toBeNull();
  });

  it("updates lastSeenAt at most once a minute", async () => {
    const user = await createTestUser(db);
    const sid = await open(user);
    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: old } });
    await getActiveUser(user.id, sid);
    const seen = (await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(old.getTime());
    await getActiveUser(user.id, sid);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(seen);
  });

  it("revokes one own session; another user's session is not found", async () => {
    const user = await createTestUser(db);
    const other = await createTestUser(db);
    const sid = await open(user);
    const foreign = await open(other);
    await expect(revokeSession({ actor: user, input: { sessionId: foreign } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getActiveUser(other.id, foreign)).not.toBeNull();
    await revokeSession({ actor: user, input: { sessionId: sid } });
    expect(await getActiveUser(user.id, sid)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "session.revoked", entityId: String(user.id) } })).toBe(1);
  });

  it("signs out everywhere else but keeps the current session", async () => {
    const user = await createTestUser(db);
    const current = await open(user);
    const laptop = await open(user);
    const phone = await open(user, "oidc");
    expect(await revokeOtherSessions({ actor: user, currentSessionId: current })).toBe(2);
    expect(await getActiveUser(user.id, current)).not.toBeNull();
    expect(await getActiveUser(user.id, laptop)).toBeNull();
    expect(await getActiveUser(user.id, phone)).toBeNull();
  });
});

describe("changing the password", () => {
  const change = (
    actor: SessionUser,
    currentSessionId: string | null,
    currentPassword: string,
    newPassword = "a-brand-new-password",
  ) =>
    changePassword({
      actor,
      currentSessionId,
      address: ADDRESS,
      input: { currentPassword, newPassword, confirmPassword: newPassword },
    });

  it("needs the current password, then the old one stops working and other sessions end", async () => {
    const user = await createTestUser(db, { password: "the-old-password" });
    const current = await open(user);
    const other = await open(user);
    await expect(change(user, current, "not-the-password")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: [expect.stringContaining("wrong")] },
    });
    expect(await change(user, current, "the-old-password")).toEqual({ revokedSessions: 1 });
    await expect(
      verifyCredentials({ email: user.email, password: "the-old-password", address: ADDRESS }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(
      await verifyCredentials({ email: user.email, password: "a-brand-new-password", address: ADDRESS }),
    ).toMatchObject({
      id: user.id,
    });
    expect(await getActiveUser(user.id, current)).not.toBeNull();
    expect(await getActiveUser(user.id, other)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.password_changed", entityId: String(user.id) } })).toBe(1);
  });

  it("is throttled like sign-in: once the limit is spent even the right password waits", async () => {
    const user = await createTestUser(db, { password: "the-old-password" });
    for (let i = 0; i < LOGIN_THROTTLE.perAccountAndAddress; i++)
      await expect(change(user, null, "wrong-guess")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(change(user, null, "wrong-guess")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("Too many wrong passwords"),
    });
    await expect(change(user, null, "the-old-password")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await bcrypt.compare("the-old-password", row.passwordHash!)).toBe(true);
  });

  it("lets a single sign-on user set a first password only while password sign-in is on", async () => {
    const user = await createTestUser(db);
    await db.orgSettings.update({ where: { id: 1 }, data: { passwordSignInEnabled: false } });
    await expect(change(user, null, "")).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("switched off"),
    });
    await db.orgSettings.update({ where: { id: 1 }, data: { passwordSignInEnabled: true } });
    expect(await change(user, null, "")).toEqual({ revokedSessions: 0 });
    expect(
      await verifyCredentials({ email: user.email, password: "a-brand-new-password", address: ADDRESS }),
    ).toMatchObject({
      id: user.id,
    });
    expect(await db.auditLog.count({ where: { action: "user.password_set", entityId: String(user.id) } })).toBe(1);
  });
});
