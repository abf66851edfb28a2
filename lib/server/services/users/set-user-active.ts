import "server-only";
import type { SetUserActiveInput } from "@/lib/schemas/admin-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertKeepsAnActiveAdmin } from "./last-admin-guard";

/**
 * Deactivates or reactivates a person; nobody is ever deleted, so history keeps their name.
 * A deactivated person cannot sign in, and their open sessions stop working on the next request
 * (every request re-reads the user, see getActiveUser); session rows are revoked too.
 */
export async function setUserActive(options: { actor: SessionUser; input: SetUserActiveInput }): Promise<void> {
  assertCan(options.actor, "users:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    if (!input.active) {
      if (input.userId === actor.id)
        throw new AppError("CONFLICT", "You cannot deactivate your own account: ask another admin.");
      await assertKeepsAnActiveAdmin(tx, input.userId, "deactivate");
    }
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { active: true } });
    if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
    if (user.active === input.active) return;
    const now = new Date();
    await tx.user.update({
      where: { id: input.userId },
      data: { active: input.active, deactivatedAt: input.active ? null : now },
    });
    if (!input.active)
      await tx.userSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.active ? "user.reactivated" : "user.deactivated",
      entityType: "User",
      entityId: input.userId,
      before: { active: user.active },
      after: { active: input.active },
    });
  });
}
