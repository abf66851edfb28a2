import "server-only";
import bcrypt from "bcryptjs";
import { newPasswordSchema } from "@/lib/schemas/account";
import { auditActorOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/**
 * Sets a new password for a person (who forgot theirs, or the only admin locked out) and
 * ends their sessions. The audit row never holds the password.
 */
export async function resetPassword(options: {
  actor: Actor;
  email: string;
  password: string;
}): Promise<{ id: number }> {
  assertCan(options.actor, "users:manage");
  const parsed = newPasswordSchema.safeParse(options.password);
  if (!parsed.success)
    throw new AppError("VALIDATION", parsed.error.issues[0].message, {
      fieldErrors: { password: parsed.error.issues.map((issue) => issue.message) },
    });
  const passwordHash = await bcrypt.hash(parsed.data, 10);
  const email = options.email.trim().toLowerCase();
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user)
      throw new AppError("NOT_FOUND", `No user with the email ${email}.`, { fieldErrors: { email: ["Unknown."] } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, {
      ...auditActorOf(options.actor),
      action: "user.password_reset",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded: ended.count },
    });
    return user;
  });
}
