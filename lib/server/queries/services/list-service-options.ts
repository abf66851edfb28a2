import "server-only";
import { getDb } from "@/lib/server/db";

export type ServiceOption = { id: number; name: string; teamName: string };

/** Active services grouped by team name, for pickers. */
export async function listServiceOptions(): Promise<ServiceOption[]> {
  const services = await getDb().service.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, team: { select: { name: true } } },
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
  });
  return services.map((s) => ({ id: s.id, name: s.name, teamName: s.team.name }));
}
