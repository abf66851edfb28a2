import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { LOGIN_THROTTLE } from "./login-throttle";
import { verifyCredentials } from "./verify-credentials";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

const password = "correct horse battery";

describe("verifyCredentials", () => {
  it("returns the session user for the right password, whatever the email's case", async () => {
    const user = await createTestUser(database.connection.prisma, { password, role: "MANAGER", level: "SENIOR" });
    await expect(verifyCredentials({ email: user.email.toUpperCase(), password })).resolves.toEqual(user);
  });

  it("answers a wrong password and an unknown email with the same clear message", async () => {
    const user = await createTestUser(database.connection.prisma, { password });
    const wrong = await verifyCredentials({ email: user.email, password: "nope" }).catch((e) => e);
    const unknown = await verifyCredentials({ email: "nobody@example.test", password }).catch((e) => e);
    expect(wrong).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong email or password. Check both and try again.",
    });
    expect(unknown).toMatchObject({ code: "UNAUTHENTICATED", message: wrong.message });
  });

  it("refuses deactivated users with a message that says what to do", async () => {
    const user = await createTestUser(database.connection.prisma, { password, active: false });
    await expect(verifyCredentials({ email: user.email, password })).rejects.toMatchObject({
      message: /deactivated.*admin/,
    });
  });

  it("slows down repeated failures, even for the right password, and a success clears the count", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password });
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i += 1) {
      await expect(verifyCredentials({ email: user.email, password: "bad" })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    const throttled = await verifyCredentials({ email: user.email, password: "bad" }).catch((e) => e);
    expect(throttled).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: LOGIN_THROTTLE.baseBlockSeconds });
    expect(throttled.message).toMatch(/try again in 30 s/);

    // Blocked: even the right password is refused until the wait is over.
    await expect(verifyCredentials({ email: user.email, password })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
    });

    // Pretend the block has expired: the right password works and resets the counter.
    await db.$executeRaw`UPDATE "RateLimit" SET "blockedUntil" = now() - interval '1 second'`;
    await expect(verifyCredentials({ email: user.email, password })).resolves.toMatchObject({ id: user.id });
    expect(await db.rateLimit.count({ where: { key: `login:${user.email}` } })).toBe(0);
  });

  it("doubles the wait with each further failure", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password });
    const waits: number[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures + 3; i += 1) {
      await db.$executeRaw`UPDATE "RateLimit" SET "blockedUntil" = NULL`;
      const error = await verifyCredentials({ email: user.email, password: "bad" }).catch((e) => e);
      waits.push(error.retryAfterSeconds ?? 0);
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120]);
  });
});
