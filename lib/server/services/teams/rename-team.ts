import "server-only";
import type { RenameTeamInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { TEAM_EXISTS } from "./create-team";

/** Renames a team. The slug stays as it was, so links and integrations that use it keep working. */
export async function renameTeam(options: { actor: SessionUser; input: RenameTeamInput }): Promise<void> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  try {
    await getDb().$transaction(async (tx) => {
      const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { name: true } });
      if (!team) throw new AppError("NOT_FOUND", "This team does not exist.");
      if (team.name === input.name) return;
      await tx.team.update({ where: { id: input.teamId }, data: { name: input.name } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "team.renamed",
        entityType: "Team",
        entityId: input.teamId,
        before: { name: team.name },
        after: { name: input.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", TEAM_EXISTS, { fieldErrors: { name: [TEAM_EXISTS] } });
    throw error;
  }
}
