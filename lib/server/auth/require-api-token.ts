import "server-only";
import { getDb } from "@/lib/server/db";
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
