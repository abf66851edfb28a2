import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** "Sign out everywhere else": every live session of the actor except the current one. */
export async function revokeOtherSessions(options: { actor: SessionUser; currentSessionId: string }): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const count = await revokeOtherSessionsIn(tx, options.actor.id, options.currentSessionId);
    if (count > 0)
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: "session.revoked_others",
        entityType: "User",
        entityId: options.actor.id,
        after: { sessions: count },
      });
    return count;
  });
}

/** Shared with the password change, inside its transaction. */
export async function revokeOtherSessionsIn(
  tx: Prisma.TransactionClient,
  userId: number,
  keepSessionId: string | null,
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(keepSessionId ? { id: { not: keepSessionId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
