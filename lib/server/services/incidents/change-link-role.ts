import "server-only";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import type { LinkChangeInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { loadLink } from "./load-link-ends";

/** Changes the role a linked change played (for example suspected → trigger). */
export async function changeLinkRole(options: { actor: SessionUser; input: LinkChangeInput }): Promise<void> {
  assertCan(options.actor, "incident:update");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const { change, link } = await loadLink(tx, { incidentId: input.incidentId, changeId: input.changeId });
    if (link.role === input.role) return;
    await tx.incidentChange.update({
      where: { incidentId_changeId: { incidentId: input.incidentId, changeId: input.changeId } },
      data: { role: input.role },
    });
    await tx.timelineEvent.create({
      data: {
        incidentId: input.incidentId,
        kind: "CHANGE_LINK_UPDATED",
        authorId: actor.id,
        body: `Change #${input.changeId} “${change.title}” is now ${LINK_ROLE_LABELS[input.role].toLowerCase()} (was ${LINK_ROLE_LABELS[link.role].toLowerCase()})`,
        data: { changeId: input.changeId, from: link.role, to: input.role },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.change_link_updated",
      entityType: "Incident",
      entityId: input.incidentId,
      before: { changeId: input.changeId, role: link.role },
      after: { changeId: input.changeId, role: input.role },
    });
  });
}
