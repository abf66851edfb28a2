import "server-only";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import type { UnlinkChangeInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { loadLink } from "./load-link-ends";

export async function unlinkChange(options: { actor: SessionUser; input: UnlinkChangeInput }): Promise<void> {
  assertCan(options.actor, "incident:update");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const { change, link } = await loadLink(tx, { incidentId: input.incidentId, changeId: input.changeId });
    await tx.incidentChange.delete({
      where: { incidentId_changeId: { incidentId: input.incidentId, changeId: input.changeId } },
    });
    await tx.timelineEvent.create({
      data: {
        incidentId: input.incidentId,
        kind: "CHANGE_UNLINKED",
        authorId: actor.id,
        body: `Unlinked change #${input.changeId} “${change.title}” (was ${LINK_ROLE_LABELS[link.role].toLowerCase()})`,
        data: { changeId: input.changeId, role: link.role },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.change_unlinked",
      entityType: "Incident",
      entityId: input.incidentId,
      before: { changeId: input.changeId, role: link.role },
    });
  });
}
