import "server-only";
import bcrypt from "bcryptjs";
import { formatWait } from "@/lib/domain/format";
import type { ChangePasswordInput } from "@/lib/schemas/account";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { admitLoginAttempt, recordLoginSuccess } from "./login-throttle";
import { revokeOtherSessionsIn } from "./revoke-other-sessions";

/**
 * Changes the actor's own password. The current password is checked with the same
 * throttle as the sign-in form (same counters, counted before the password is evaluated:
 * guessing here counts as guessing there).
 * People with no password yet (single sign-on only) may set one while password sign-in is
 * on. Every other session of the actor is signed out.
 */
export async function changePassword(options: {
  actor: SessionUser;
  currentSessionId: string | null;
  /** The client's address (lib/server/auth/client-address.ts). */
  address: string;
  input: ChangePasswordInput;
}): Promise<{ revokedSessions: number }> {
  const { actor, input } = options;
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true },
  });

  if (user.passwordHash) {
    const attempt = { email: user.email, address: options.address };
    const admission = await admitLoginAttempt(attempt);
    if (!admission.allowed) {
      const message = `Too many wrong passwords. Try again in ${formatWait(admission.retryAfterSeconds)}.`;
      throw new AppError("RATE_LIMITED", message, {
        fieldErrors: { currentPassword: [message] },
        retryAfterSeconds: admission.retryAfterSeconds,
      });
    }
    if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) {
      const message = "The current password is wrong. Type it again.";
      throw new AppError("VALIDATION", message, { fieldErrors: { currentPassword: [message] } });
    }
    await recordLoginSuccess(attempt);
  } else {
    const settings = await db.orgSettings.findUnique({ where: { id: 1 }, select: { passwordSignInEnabled: true } });
    if (settings && !settings.passwordSignInEnabled) {
      throw new AppError(
        "VALIDATION",
        "Password sign-in is switched off for your organisation: sign in with single sign-on instead.",
      );
    }
  }

  const passwordHash = await bcrypt.hash(input.newPassword, 10);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const revokedSessions = await revokeOtherSessionsIn(tx, actor.id, options.currentSessionId);
    await writeAudit(tx, {
      actorId: actor.id,
      action: user.passwordHash ? "user.password_changed" : "user.password_set",
      entityType: "User",
      entityId: actor.id,
      after: { otherSessionsSignedOut: revokedSessions },
    });
    return { revokedSessions };
  });
}
