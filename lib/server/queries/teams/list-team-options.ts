import "server-only";
import { getDb } from "@/lib/server/db";

/** Active teams for pickers; list filters pass includeArchived to reach an archived team's history. */
export async function listTeamOptions(
  options: { includeArchived?: boolean } = {},
): Promise<Array<{ id: number; name: string }>> {
  const teams = await getDb().team.findMany({
    where: options.includeArchived ? undefined : { archivedAt: null },
    select: { id: true, name: true, archivedAt: true },
    orderBy: { name: "asc" },
  });
  return teams.map((t) => ({ id: t.id, name: t.archivedAt ? `${t.name} (archived)` : t.name }));
}
