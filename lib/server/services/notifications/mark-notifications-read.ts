import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";

/** Marks the user's own notifications read (one, or all when no id is given). */
export async function markNotificationsRead(options: { actor: SessionUser; notificationId?: number }): Promise<void> {
  await getDb().notification.updateMany({
    where: {
      userId: options.actor.id,
      readAt: null,
      ...(options.notificationId ? { id: options.notificationId } : {}),
    },
    data: { readAt: new Date() },
  });
}
