import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/server/db";

export type SignInMethod = "password" | "oidc";

/**
 * Records one sign-in; its id goes into the JWT (`sid`) so the session can be listed and
 * revoked. The row expires with the JWT.
 */
export async function startSession(options: {
  userId: number;
  method: SignInMethod;
  userAgent: string | null;
  ip: string | null;
  maxAgeSeconds: number;
}): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await getDb().userSession.create({
    data: {
      id,
      userId: options.userId,
      method: options.method,
      userAgent: (options.userAgent ?? "").slice(0, 500),
      ip: options.ip?.slice(0, 100) ?? null,
      expiresAt: new Date(Date.now() + options.maxAgeSeconds * 1000),
    },
  });
  return id;
}
