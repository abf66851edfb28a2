import "server-only";
import { getDb } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/auth/session-user";

/** lastSeenAt is written at most this often per session, so page views stay read-only. */
const LAST_SEEN_EVERY_MS = 60_000;

/**
 * The user behind a signed-in session: active, and the session (`sid` in the JWT) neither
 * revoked nor expired. One primary-key lookup joined to the user.
 */
export async function getActiveUser(id: number, sessionId: string): Promise<SessionUser | null> {
  const now = new Date();
  const session = await getDb().userSession.findFirst({
    where: { id: sessionId, userId: id, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: { lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, level: true } } },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await getDb().userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_EVERY_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return session.user;
}
