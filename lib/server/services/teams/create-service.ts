import "server-only";
import { slugify } from "@/lib/schemas/managed-list";
import type { CreateServiceInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertOpenTeam, SERVICE_EXISTS } from "./service-team";

export async function createService(options: {
  actor: SessionUser;
  input: CreateServiceInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  const slug = slugify(input.name);
  try {
    return await getDb().$transaction(async (tx) => {
      await assertOpenTeam(tx, input.teamId);
      const service = await tx.service.create({
        data: { name: input.name, slug, teamId: input.teamId, tier: input.tier },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "service.created",
        entityType: "Service",
        entityId: service.id,
        after: { name: input.name, slug, teamId: input.teamId, tier: input.tier },
      });
      return service;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", SERVICE_EXISTS, { fieldErrors: { name: [SERVICE_EXISTS] } });
    throw error;
  }
}
