import "server-only";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import type { LinkChangeInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { loadLinkEnds } from "./load-link-ends";

/** Links an originating change to the incident with a role; the timeline records it. */
export async function linkChange(options: { actor: SessionUser; input: LinkChangeInput }): Promise<void> {
  assertCan(options.actor, "incident:update");
  const { actor, input } = options;
  try {
    await getDb().$transaction(async (tx) => {
      const change = await loadLinkEnds(tx, input);
      await tx.incidentChange.create({
        data: { incidentId: input.incidentId, changeId: input.changeId, role: input.role, linkedById: actor.id },
      });
      await tx.timelineEvent.create({
        data: {
          incidentId: input.incidentId,
          kind: "CHANGE_LINKED",
          authorId: actor.id,
          body: `Linked change #${input.changeId} “${change.title}” as ${LINK_ROLE_LABELS[input.role].toLowerCase()}`,
          data: { changeId: input.changeId, role: input.role },
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "incident.change_linked",
        entityType: "Incident",
        entityId: input.incidentId,
        after: { changeId: input.changeId, role: input.role },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "That change is already linked to this incident. Change its role instead.");
    throw error;
  }
}
