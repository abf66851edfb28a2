import "server-only";
import { getDb } from "@/lib/server/db";

// Failed sign-ins are counted per email in the database (shared by every app instance).
// From the 5th failure within 15 minutes, each further failure blocks the account's
// password sign-in for 30 s, doubling up to 15 minutes. A success clears the count.
export const LOGIN_THROTTLE = {
  freeFailures: 4,
  windowSeconds: 15 * 60,
  baseBlockSeconds: 30,
  maxBlockSeconds: 15 * 60,
} as const;

const keyFor = (email: string) => `login:${email.trim().toLowerCase()}`;

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function getLoginBlockSeconds(email: string): Promise<number> {
  const rows = await getDb().$queryRaw<{ seconds: number }[]>`
    SELECT ceil(extract(epoch FROM ("blockedUntil" - now())))::int AS seconds
    FROM "RateLimit" WHERE key = ${keyFor(email)} AND "blockedUntil" > now()`;
  return rows[0]?.seconds ?? 0;
}

/** Records a failure; returns the seconds the next attempt must wait (0 = none). */
export async function recordLoginFailure(email: string): Promise<number> {
  const { freeFailures, windowSeconds, baseBlockSeconds, maxBlockSeconds } = LOGIN_THROTTLE;
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${keyFor(email)}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING count`;
  const failures = rows[0]?.count ?? 1;
  if (failures <= freeFailures) return 0;
  const seconds = Math.min(maxBlockSeconds, baseBlockSeconds * 2 ** (failures - freeFailures - 1));
  await getDb().$executeRaw`
    UPDATE "RateLimit" SET "blockedUntil" = now() + make_interval(secs => ${seconds}) WHERE key = ${keyFor(email)}`;
  return seconds;
}

export async function clearLoginFailures(email: string): Promise<void> {
  await getDb().$executeRaw`DELETE FROM "RateLimit" WHERE key = ${keyFor(email)}`;
}
