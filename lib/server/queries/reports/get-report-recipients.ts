import "server-only";
import { getDb } from "@/lib/server/db";

/** The weekly report's distribution list (report page). */
export async function getReportRecipients(): Promise<string[]> {
  const settings = await getDb().orgSettings.findUnique({ where: { id: 1 }, select: { reportRecipients: true } });
  return settings?.reportRecipients ?? [];
}
