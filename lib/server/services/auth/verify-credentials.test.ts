import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { LOGIN_THROTTLE, loginThrottleKeys } from "./login-throttle";
import { verifyCredentials } from "./verify-credentials";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

const password = "correct horse battery";
const HOME = "192.0.2.10";
const ATTACKER = "203.0.113.66";
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed-in",
    (error: { code?: string }) => error.code ?? "error",
  );

describe("verifyCredentials", () => {
  it("returns the session user for the right password, whatever the email's case", async () => {
    const user = await createTestUser(database.connection.prisma, { password, role: "MANAGER", level: "SENIOR" });
    await expect(verifyCredentials({ email: user.email.toUpperCase(), password, address: HOME })).resolves.toEqual(
      user,
    );
  });

  it("answers a wrong password and an unknown email with the same clear message", async () => {
    const user = await createTestUser(database.connection.prisma, { password });
    const wrong = await verifyCredentials({ email: user.email, password: "nope", address: HOME }).catch((e) => e);
    const unknown = await verifyCredentials({ email: "nobody@example.test", password, address: HOME }).catch((e) => e);
    expect(wrong).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong email or password. Check both and try again.",
    });
    expect(unknown).toMatchObject({ code: "UNAUTHENTICATED", message: wrong.message });
  });

  it("refuses deactivated users with a message that says what to do", async () => {
    const user = await createTestUser(database.connection.prisma, { password, active: false });
    await expect(verifyCredentials({ email: user.email, password, address: HOME })).rejects.toMatchObject({
      message: /deactivated.*admin/,
    });
  });
});

describe("sign-in throttling (decision 015)", () => {
  it("evaluates at most the limit of 30 parallel guesses; the right password is refused once it is hit", async () => {
    const user = await createTestUser(database.connection.prisma, { password });
    const guess = (password: string) => outcome(verifyCredentials({ email: user.email, password, address: ATTACKER }));
    const first = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(`guess-${i}`)));
    expect(first.filter((r) => r === "UNAUTHENTICATED").length).toBe(LOGIN_THROTTLE.perAccountAndAddress);
    expect(first.filter((r) => r === "RATE_LIMITED").length).toBe(30 - LOGIN_THROTTLE.perAccountAndAddress);
    // The right password among another parallel burst: refused like the rest, never evaluated.
    const second = await Promise.all([...Array.from({ length: 9 }, (_, i) => guess(`again-${i}`)), guess(password)]);
    expect(second).toEqual(Array.from({ length: 10 }, () => "RATE_LIMITED"));
    await expect(verifyCredentials({ email: user.email, password, address: ATTACKER })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      retryAfterSeconds: expect.any(Number),
      message: expect.stringMatching(/Try again in \d+ min/),
    });
  });

  it("lets the owner sign in from another address while an attacker is locked out of the account", async () => {
    const owner = await createTestUser(database.connection.prisma, { password });
    for (let i = 0; i < LOGIN_THROTTLE.perAccountAndAddress + 3; i += 1)
      await outcome(verifyCredentials({ email: owner.email, password: "wrong", address: ATTACKER }));
    await expect(verifyCredentials({ email: owner.email, password, address: ATTACKER })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(verifyCredentials({ email: owner.email, password, address: HOME })).resolves.toMatchObject({
      id: owner.id,
    });
  });

  it("slows one address spraying 40 emails, without touching those accounts from other addresses", async () => {
    const db = database.connection.prisma;
    const sprayer = "203.0.113.40";
    const victims = await Promise.all(Array.from({ length: 3 }, () => createTestUser(db, { password })));
    const emails = Array.from({ length: 40 }, (_, i) => victims[i]?.email ?? `spray-${i}@example.test`);
    const results: string[] = [];
    for (const email of emails)
      results.push(await outcome(verifyCredentials({ email, password: "Winter2026!", address: sprayer })));
    expect(results.filter((r) => r === "UNAUTHENTICATED").length).toBe(LOGIN_THROTTLE.perAddress);
    expect(results.slice(LOGIN_THROTTLE.perAddress).every((r) => r === "RATE_LIMITED")).toBe(true);
    // A refusal by the address limit is not counted against the accounts themselves.
    for (const victim of victims)
      await expect(verifyCredentials({ email: victim.email, password, address: HOME })).resolves.toMatchObject({
        id: victim.id,
      });
  });

  it("caps guesses at one account across many addresses, and a success does not reset that ceiling", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password });
    const keys = loginThrottleKeys({ email: user.email, address: HOME });
    await db.rateLimit.create({
      data: { key: keys.account, count: LOGIN_THROTTLE.perAccount - 1, windowStart: new Date() },
    });
    await expect(verifyCredentials({ email: user.email, password, address: HOME })).resolves.toMatchObject({
      id: user.id,
    });
    // The success gave back its own attempt only.
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: keys.account } })).count).toBe(
      LOGIN_THROTTLE.perAccount - 1,
    );
    expect(await db.rateLimit.count({ where: { key: keys.accountAndAddress } })).toBe(0);
    await outcome(verifyCredentials({ email: user.email, password: "wrong", address: "198.51.100.1" }));
    await expect(verifyCredentials({ email: user.email, password, address: "198.51.100.2" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("starts a fresh window once the old one has passed", async () => {
    const db = database.connection.prisma;
    const user = await createTestUser(db, { password });
    for (let i = 0; i <= LOGIN_THROTTLE.perAccountAndAddress; i += 1)
      await outcome(verifyCredentials({ email: user.email, password: "wrong", address: ATTACKER }));
    await expect(verifyCredentials({ email: user.email, password, address: ATTACKER })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    const { accountAndAddress } = loginThrottleKeys({ email: user.email, address: ATTACKER });
    await db.$executeRaw`
      UPDATE "RateLimit" SET "windowStart" = now() - make_interval(secs => ${LOGIN_THROTTLE.windowSeconds + 1})
      WHERE key = ${accountAndAddress}`;
    await expect(verifyCredentials({ email: user.email, password, address: ATTACKER })).resolves.toMatchObject({
      id: user.id,
    });
  });
});
