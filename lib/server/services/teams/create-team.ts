import "server-only";
import { slugify } from "@/lib/schemas/managed-list";
import type { CreateTeamInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

export const TEAM_EXISTS = "A team with this name already exists (perhaps archived): unarchive or rename that one.";

/** The slug is made from the name the same way as the demo data's (lower-case words joined by dashes). */
export async function createTeam(options: { actor: SessionUser; input: CreateTeamInput }): Promise<{ id: number }> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  const slug = slugify(input.name);
  try {
    return await getDb().$transaction(async (tx) => {
      const team = await tx.team.create({ data: { name: input.name, slug }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "team.created",
        entityType: "Team",
        entityId: team.id,
        after: { name: input.name, slug },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", TEAM_EXISTS, { fieldErrors: { name: [TEAM_EXISTS] } });
    throw error;
  }
}
