import "server-only";
import type { UpdateIncidentDetailsInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { updateIncidentAtVersion } from "./incident-version";

/** Title, summary and commander. */
export async function updateIncidentDetails(options: {
  actor: SessionUser;
  input: UpdateIncidentDetailsInput;
}): Promise<void> {
  assertCan(options.actor, "incident:update");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id: input.incidentId },
      select: { title: true, summary: true, commanderId: true, commander: { select: { name: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    let commanderName: string | null = null;
    if (input.commanderId !== null) {
      const commander = await tx.user.findFirst({
        where: { id: input.commanderId, active: true },
        select: { name: true },
      });
      if (!commander)
        throw new AppError("VALIDATION", "Choose an active user as commander.", {
          fieldErrors: { commanderId: ["Choose an active user."] },
        });
      commanderName = commander.name;
    }
    await updateIncidentAtVersion(tx, input.incidentId, input.version, {
      title: input.title,
      summary: input.summary,
      commanderId: input.commanderId,
    });
    if (before.commanderId !== input.commanderId) {
      await tx.timelineEvent.create({
        data: {
          incidentId: input.incidentId,
          kind: "COMMANDER_CHANGED",
          authorId: actor.id,
          body: commanderName ? `${commanderName} is now the incident commander` : "The incident has no commander now",
          data: { from: before.commanderId, to: input.commanderId },
        },
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.details_updated",
      entityType: "Incident",
      entityId: input.incidentId,
      before: { title: before.title, summary: before.summary, commanderId: before.commanderId },
      after: { title: input.title, summary: input.summary, commanderId: input.commanderId },
    });
  });
}
