import "server-only";
import type { UpdateUserInput } from "@/lib/schemas/admin-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertKeepsAnActiveAdmin } from "./last-admin-guard";
import { assertUsableTeam } from "./usable-team";

/**
 * Changes a person's name, role, level or team. A level change applies to changes registered
 * from now on: every change records its author's level when it is registered (Change.authorLevel).
 */
export async function updateUser(options: {
  actor: SessionUser;
  input: UpdateUserInput;
}): Promise<{ changed: boolean }> {
  assertCan(options.actor, "users:manage");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    if (input.role !== "ADMIN") await assertKeepsAnActiveAdmin(tx, input.userId, "demote");
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { name: true, role: true, level: true, teamId: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This user does not exist.");
    await assertUsableTeam(tx, input.teamId, before.teamId);
    const after = { name: input.name, role: input.role, level: input.level, teamId: input.teamId };
    const changedKeys = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
    if (changedKeys.length === 0) return { changed: false };
    await tx.user.update({ where: { id: input.userId }, data: after });
    const pick = (source: typeof after) => Object.fromEntries(changedKeys.map((key) => [key, source[key]]));
    await writeAudit(tx, {
      actorId: actor.id,
      action: changedKeys.includes("level")
        ? "user.level_changed"
        : changedKeys.includes("role")
          ? "user.role_changed"
          : "user.updated",
      entityType: "User",
      entityId: input.userId,
      before: pick(before),
      after: pick(after),
    });
    return { changed: true };
  });
}
