import "server-only";
import { getDb } from "@/lib/server/db";

/** How much of the demo organisation is still here (Admin → Import shows it next to the remove button). */
export async function countDemoRows(): Promise<{ incidents: number; changes: number; users: number }> {
  const db = getDb();
  const [incidents, changes, users] = await Promise.all([
    db.incident.count({ where: { demo: true } }),
    db.change.count({ where: { demo: true } }),
    db.user.count({ where: { demo: true, active: true } }),
  ]);
  return { incidents, changes, users };
}
