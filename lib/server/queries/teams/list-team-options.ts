import "server-only";
import { getDb } from "@/lib/server/db";

export async function listTeamOptions(): Promise<Array<{ id: number; name: string }>> {
  return getDb().team.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
