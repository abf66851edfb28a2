import "server-only";
import { getDb } from "@/lib/server/db";

/** The Account page's email preferences. */
export async function getNotificationPreferences(userId: number) {
  return getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { emailApprovalNeeded: true, emailWeeklyReport: true },
  });
}
