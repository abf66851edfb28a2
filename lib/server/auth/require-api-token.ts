import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashApiToken, type ApiScope } from "./api-token";

export type ApiCaller = { tokenId: number; name: string; createdById: number; scopes: string[] };

/** Bearer-token authentication for /api/v1: 401 without a valid token, 403 without the scope. */
export async function requireApiToken(request: Request, scope: ApiScope): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`. Admins create tokens under Admin → API tokens.");
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, name: true, scopes: true, createdById: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token is not valid (unknown or revoked). Ask an admin for a new one.");
  if (!token.scopes.includes(scope)) throw new AppError("FORBIDDEN", `This API token lacks the "${scope}" scope. Ask an admin for a token with it.`);
  // Last use is shown to admins; once a minute is precise enough and spares a write per call.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: token.id, name: token.name, createdById: token.createdById, scopes: token.scopes };
}
