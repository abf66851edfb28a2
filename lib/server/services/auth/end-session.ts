import "server-only";
import { getDb } from "@/lib/server/db";

/** Sign-out: the session's row is revoked, so a copy of its JWT no longer works either. */
export async function endSession(sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
