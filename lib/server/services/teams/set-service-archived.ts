import "server-only";
import type { SetServiceArchivedInput } from "@/lib/schemas/admin-team";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertOpenTeam } from "./service-team";

/**
 * An archived service leaves the pickers for new incidents and changes; incidents and changes
 * already recorded keep it, and list filters still find it.
 */
export async function setServiceArchived(options: {
  actor: SessionUser;
  input: SetServiceArchivedInput;
}): Promise<void> {
  assertCan(options.actor, "teams:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const service = await tx.service.findUnique({
      where: { id: input.serviceId },
      select: { archivedAt: true, teamId: true },
    });
    if (!service) throw new AppError("NOT_FOUND", "This service does not exist.");
    if (Boolean(service.archivedAt) === input.archived) return;
    if (!input.archived) {
      await assertOpenTeam(tx, service.teamId).catch(() => {
        throw new AppError(
          "CONFLICT",
          "Its team is archived: unarchive the team first, or move the service to another team.",
        );
      });
    }
    await tx.service.update({
      where: { id: input.serviceId },
      data: { archivedAt: input.archived ? new Date() : null },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.archived ? "service.archived" : "service.unarchived",
      entityType: "Service",
      entityId: input.serviceId,
      before: { archived: !input.archived },
      after: { archived: input.archived },
    });
  });
}
