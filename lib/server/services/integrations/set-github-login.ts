import "server-only";
import type { SetGithubLoginInput } from "@/lib/schemas/integration";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Maps a GitHub login to a Faultline user (or clears it). Logins are unique, compared case-insensitively. */
export async function setGithubLogin(options: { actor: SessionUser; input: SetGithubLoginInput }): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  try {
    await getDb().$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, githubLogin: true } });
      if (!user) throw new AppError("NOT_FOUND", "This user does not exist (any more). Reload the page.");
      if (input.githubLogin) {
        const taken = await tx.user.findFirst({
          where: { githubLogin: { equals: input.githubLogin, mode: "insensitive" }, id: { not: user.id } },
          select: { name: true },
        });
        if (taken)
          throw new AppError("VALIDATION", "This GitHub login is already mapped.", {
            fieldErrors: {
              githubLogin: [`@${input.githubLogin} is already mapped to ${taken.name}; clear it there first.`],
            },
          });
      }
      if (user.githubLogin === input.githubLogin) return;
      await tx.user.update({ where: { id: user.id }, data: { githubLogin: input.githubLogin } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.github_login_set",
        entityType: "User",
        entityId: user.id,
        before: { githubLogin: user.githubLogin },
        after: { githubLogin: input.githubLogin },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("VALIDATION", "This GitHub login is already mapped.", {
        fieldErrors: { githubLogin: ["Another user has this login."] },
      });
    throw error;
  }
}
