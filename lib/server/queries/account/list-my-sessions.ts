import "server-only";
import { getDb } from "@/lib/server/db";

/** The user's sessions that still work, newest first (revoked and expired ones are history). */
export async function listMySessions(userId: number) {
  return getDb().userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, method: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
}
export type MySession = Awaited<ReturnType<typeof listMySessions>>[number];
