import "server-only";
import type { NotificationPreferencesInput } from "@/lib/schemas/notifications";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** The signed-in person's own email preferences (only their own: the id comes from the session). */
export async function updateNotificationPreferences(options: {
  actor: SessionUser;
  input: NotificationPreferencesInput;
}): Promise<void> {
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: input, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.notification_preferences_updated",
      entityType: "User",
      entityId: actor.id,
      after: input,
    });
  });
}
