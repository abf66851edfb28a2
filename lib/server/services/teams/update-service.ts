import "server-only";
import type { UpdateServiceInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertOpenTeam, SERVICE_EXISTS } from "./service-team";

/** Renames a service, moves it to another team or changes its tier. The slug stays. */
export async function updateService(options: {
  actor: SessionUser;
  input: UpdateServiceInput;
}): Promise<{ changed: boolean }> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  try {
    return await getDb().$transaction(async (tx) => {
      const before = await tx.service.findUnique({
        where: { id: input.serviceId },
        select: { name: true, teamId: true, tier: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "This service does not exist.");
      if (before.teamId !== input.teamId) await assertOpenTeam(tx, input.teamId);
      const after = { name: input.name, teamId: input.teamId, tier: input.tier };
      const changedKeys = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
      if (changedKeys.length === 0) return { changed: false };
      await tx.service.update({ where: { id: input.serviceId }, data: after });
      const pick = (source: typeof after) => Object.fromEntries(changedKeys.map((key) => [key, source[key]]));
      await writeAudit(tx, {
        actorId: actor.id,
        action: "service.updated",
        entityType: "Service",
        entityId: input.serviceId,
        before: pick(before),
        after: pick(after),
      });
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", SERVICE_EXISTS, { fieldErrors: { name: [SERVICE_EXISTS] } });
    throw error;
  }
}
