import "server-only";
import { getDb } from "@/lib/server/db";

/** Every team with its services (archived ones too) and head counts, for /admin/teams. */
export async function listTeamsForAdmin() {
  const teams = await getDb().team.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      archivedAt: true,
      services: {
        orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
        select: { id: true, name: true, slug: true, tier: true, archivedAt: true },
      },
      _count: { select: { members: { where: { active: true } } } },
    },
  });
  return teams.map(({ _count, ...team }) => ({ ...team, activeMembers: _count.members }));
}
