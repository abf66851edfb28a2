import "server-only";
import type { RevokeSessionInput } from "@/lib/schemas/account";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Signs out one of the actor's own sessions (another browser or device). */
export async function revokeSession(options: { actor: SessionUser; input: RevokeSessionInput }): Promise<void> {
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    // Scoped to the actor: someone else's session id is "not found", never revoked.
    const session = await tx.userSession.findFirst({
      where: { id: input.sessionId, userId: actor.id },
      select: { revokedAt: true, method: true },
    });
    if (!session) throw new AppError("NOT_FOUND", "This session does not exist (any more). Reload the page.");
    if (session.revokedAt) return;
    await tx.userSession.update({ where: { id: input.sessionId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "session.revoked",
      entityType: "User",
      entityId: actor.id,
      after: { method: session.method },
    });
  });
}
