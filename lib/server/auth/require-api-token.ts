import "server-only";
import { getDb } from "@/lib/server/db";
import { API_RATE_WINDOW_SECONDS, apiRateLimit, type RateLimitState } from "@/lib/server/api/rate-limit";
import { AppError } from "@/lib/server/errors";
import { hashApiToken, type ApiScope } from "./api-token";
import type { SessionUser } from "./session-user";

/** The token and the person it acts for: its creator (an admin), as they are now. */
export type ApiCaller = { tokenId: number; name: string; createdById: number; scopes: string[]; creator: SessionUser };

/** Bearer-token authentication for /api/v1: 401 without a valid token (or when its creator was deactivated). */
export async function authenticateApiToken(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw new AppError(
      "UNAUTHENTICATED",
      "Send an API token as `Authorization: Bearer <token>`. Admins create tokens under Admin → API tokens.",
    );
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: {
      id: true,
      name: true,
      scopes: true,
      createdById: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, email: true, name: true, role: true, level: true, active: true } },
    },
  });
  if (!token || token.revokedAt)
    throw new AppError(
      "UNAUTHENTICATED",
      "This API token is not valid (unknown or revoked). Ask an admin for a new one.",
    );
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now())
    throw new AppError(
      "UNAUTHENTICATED",
      `This API token expired on ${token.expiresAt.toISOString()}. Ask an admin for a new one.`,
    );
  const { active, ...creator } = token.createdBy;
  if (!active)
    throw new AppError(
      "UNAUTHENTICATED",
      "The person who created this API token has been deactivated, so the token no longer works. Ask an admin for a new one.",
    );
  // Last use is shown to admins; once a minute is precise enough and spares a write per call.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: token.id, name: token.name, createdById: token.createdById, scopes: token.scopes, creator };
}

type GateRow = {
  id: number;
  name: string;
  scopes: string[];
  createdById: number;
  revokedAt: Date | null;
  expiresAt: Date | null;
  email: string;
  userName: string;
  role: SessionUser["role"];
  level: SessionUser["level"];
  active: boolean;
  count: number | null;
  reset: number | null;
};

/**
 * The API door in ONE statement: the token and its creator, the last-use stamp (once a minute)
 * and the request counted against the token's rate limit — the count only for a usable token.
 * Answers as authenticateApiToken (401s) plus the rate-limit state; the caller refuses with 429.
 */
export async function authenticateAndCountApiToken(
  request: Request,
  limit = apiRateLimit(),
): Promise<{ caller: ApiCaller; rate: RateLimitState }> {
  const window = API_RATE_WINDOW_SECONDS;
  const [row] = await getDb().$queryRawUnsafe<GateRow[]>(
    `WITH t AS (
       SELECT k.id, k.name, k.scopes, k."createdById", k."revokedAt", k."expiresAt", k."lastUsedAt",
              u.email, u.name AS "userName", u.role::text AS role, u.level::text AS level, u.active,
              (k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > now()) AND u.active) AS usable
       FROM "ApiToken" k JOIN "User" u ON u.id = k."createdById" WHERE k."tokenHash" = $1
     ),
     touched AS (
       UPDATE "ApiToken" SET "lastUsedAt" = now()
       WHERE id = (SELECT id FROM t WHERE usable) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '60 seconds')
     ),
     counted AS (
       INSERT INTO "RateLimit" (key, count, "windowStart")
       SELECT 'api:' || t.id, 1, to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int) FROM t WHERE t.usable
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN "RateLimit"."windowStart" = excluded."windowStart" THEN "RateLimit".count + 1 ELSE 1 END,
         "windowStart" = excluded."windowStart"
       RETURNING count, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => $2) - now())))::int AS reset
     )
     SELECT t.id, t.name, t.scopes, t."createdById", t."revokedAt", t."expiresAt", t.email, t."userName", t.role, t.level, t.active,
            c.count, c.reset
     FROM t LEFT JOIN counted c ON true`,
    hashApiToken(bearerToken(request)),
    window,
  );
  const creator = usableCreator(row);
  const count = row.count ?? 1;
  const caller = { tokenId: row.id, name: row.name, createdById: row.createdById, scopes: row.scopes, creator };
  const rate = {
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, row.reset ?? window),
    allowed: count <= limit,
  };
  return { caller, rate };
}

function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec((request.headers.get("authorization") ?? "").trim());
  if (!match)
    throw new AppError(
      "UNAUTHENTICATED",
      "Send an API token as `Authorization: Bearer <token>`. Admins create tokens under Admin → API tokens.",
    );
  return match[1];
}

function usableCreator(row: GateRow | undefined): SessionUser {
  if (!row || row.revokedAt)
    throw new AppError(
      "UNAUTHENTICATED",
      "This API token is not valid (unknown or revoked). Ask an admin for a new one.",
    );
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now())
    throw new AppError(
      "UNAUTHENTICATED",
      `This API token expired on ${row.expiresAt.toISOString()}. Ask an admin for a new one.`,
    );
  if (!row.active)
    throw new AppError(
      "UNAUTHENTICATED",
      "The person who created this API token has been deactivated, so the token no longer works. Ask an admin for a new one.",
    );
  return { id: row.createdById, email: row.email, name: row.userName, role: row.role, level: row.level };
}

/** 403 when the token lacks the scope. */
/** The token must carry the scope, or one of the scopes of a list. */
export function assertTokenScope(caller: ApiCaller, scope: ApiScope | readonly ApiScope[]): void {
  const anyOf: readonly ApiScope[] = typeof scope === "string" ? [scope] : scope;
  if (!anyOf.some((one) => caller.scopes.includes(one)))
    throw new AppError(
      "FORBIDDEN",
      `This API token lacks the ${anyOf.map((one) => `"${one}"`).join(" or ")} scope. Ask an admin for a token with it.`,
    );
}

/** Authentication and scope in one call (401, then 403). */
export async function requireApiToken(request: Request, scope: ApiScope): Promise<ApiCaller> {
  const caller = await authenticateApiToken(request);
  assertTokenScope(caller, scope);
  return caller;
}
