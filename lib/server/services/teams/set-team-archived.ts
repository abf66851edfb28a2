import "server-only";
import type { SetTeamArchivedInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/**
 * Archives or unarchives a team. A team that still owns active services is refused: archive
 * (or move) its services first, so that no service is hidden by accident (docs/admin.md).
 * History is untouched; members keep their team.
 */
export async function setTeamArchived(options: { actor: SessionUser; input: SetTeamArchivedInput }): Promise<void> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    // Lock the team so a service cannot be added to it while it is being archived.
    const [team] = await tx.$queryRaw<Array<{ name: string; archivedAt: Date | null }>>`
      SELECT name, "archivedAt" FROM "Team" WHERE id = ${input.teamId} FOR UPDATE`;
    if (!team) throw new AppError("NOT_FOUND", "This team does not exist.");
    if (Boolean(team.archivedAt) === input.archived) return;
    if (input.archived) {
      const active = await tx.service.findMany({
        where: { teamId: input.teamId, archivedAt: null },
        select: { name: true },
        orderBy: { name: "asc" },
      });
      if (active.length > 0) {
        throw new AppError(
          "CONFLICT",
          `${team.name} still owns active services (${active.map((s) => s.name).join(", ")}). Archive or move them first.`,
        );
      }
    }
    await tx.team.update({ where: { id: input.teamId }, data: { archivedAt: input.archived ? new Date() : null } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.archived ? "team.archived" : "team.unarchived",
      entityType: "Team",
      entityId: input.teamId,
      before: { archived: !input.archived },
      after: { archived: input.archived },
    });
  });
}
