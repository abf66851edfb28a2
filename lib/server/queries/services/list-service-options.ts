import "server-only";
import { getDb } from "@/lib/server/db";

export type ServiceOption = { id: number; name: string; teamName: string; archived: boolean };

/**
 * Services grouped by team name, for pickers: active ones only, so new incidents and changes
 * never get an archived service. List filters pass includeArchived so that the history of an
 * archived service stays findable; its name then says "(archived)".
 */
export async function listServiceOptions(options: { includeArchived?: boolean } = {}): Promise<ServiceOption[]> {
  const services = await getDb().service.findMany({
    where: options.includeArchived ? undefined : { archivedAt: null },
    select: { id: true, name: true, archivedAt: true, team: { select: { name: true } } },
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
  });
  return services.map((s) => ({
    id: s.id,
    name: s.archivedAt ? `${s.name} (archived)` : s.name,
    teamName: s.team.name,
    archived: s.archivedAt !== null,
  }));
}
