import "server-only";
import { getDb } from "@/lib/server/db";

/**
 * Sign-in throttling (docs/decisions/015-sign-in-throttling.md). Every password attempt is
 * counted BEFORE the password is evaluated, in three fixed-window counters kept in the
 * RateLimit table (shared by every app instance):
 *   - account + client address: the owner's own address has its own counter, so guesses
 *     from elsewhere never lock the owner out;
 *   - client address across accounts: spraying many emails from one client is slowed;
 *   - account across all addresses: a much higher ceiling against distributed guessing.
 * An attempt refused by a narrower counter is not counted by the broader ones. A success
 * deletes its account + address counter and gives back the attempt it took from the others.
 */
export const LOGIN_THROTTLE = {
  windowSeconds: 15 * 60,
  perAccountAndAddress: 5,
  perAddress: 30,
  perAccount: 100,
} as const;

export type LoginAttempt = { email: string; address: string };
export type LoginAdmission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const normalise = (email: string) => email.trim().toLowerCase();
export const loginThrottleKeys = ({ email, address }: LoginAttempt) => ({
  accountAndAddress: `login:account-address:${normalise(email)}|${address}`,
  address: `login:address:${address}`,
  account: `login:account:${normalise(email)}`,
});

/** One atomic increment of a fixed-window counter; returns the new count and the seconds left. */
async function increment(key: string): Promise<{ count: number; reset: number }> {
  const window = LOGIN_THROTTLE.windowSeconds;
  const rows = await getDb().$queryRaw<{ count: number; reset: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${window})
                   THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${window})
                   THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING count, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => ${window}) - now())))::int AS reset`;
  return { count: rows[0].count, reset: Math.max(1, rows[0].reset) };
}

/**
 * Counts one attempt and says whether it may be evaluated. Call it before looking at the
 * password; parallel attempts get distinct counts from the database, so at most the limit
 * of them are ever admitted.
 */
export async function admitLoginAttempt(attempt: LoginAttempt): Promise<LoginAdmission> {
  const keys = loginThrottleKeys(attempt);
  const limits: [string, number][] = [
    [keys.accountAndAddress, LOGIN_THROTTLE.perAccountAndAddress],
    [keys.address, LOGIN_THROTTLE.perAddress],
    [keys.account, LOGIN_THROTTLE.perAccount],
  ];
  for (const [key, limit] of limits) {
    const { count, reset } = await increment(key);
    if (count > limit) return { allowed: false, retryAfterSeconds: reset };
  }
  return { allowed: true };
}

/** After a successful sign-in: its own counter goes, and the broader ones get the attempt back. */
export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  const keys = loginThrottleKeys(attempt);
  await getDb().$transaction([
    getDb().$executeRaw`DELETE FROM "RateLimit" WHERE key = ${keys.accountAndAddress}`,
    getDb().$executeRaw`
      UPDATE "RateLimit" SET count = greatest(count - 1, 0) WHERE key IN (${keys.address}, ${keys.account})`,
  ]);
}
