import "server-only";
import type { AddActionItemInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** One owner and one due date per action item. */
export async function addActionItem(options: {
  actor: SessionUser;
  input: AddActionItemInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "incident:review");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    if (!(await tx.incident.count({ where: { id: input.incidentId } })))
      throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    const owner = await tx.user.findFirst({ where: { id: input.ownerId, active: true }, select: { name: true } });
    if (!owner)
      throw new AppError("VALIDATION", "Choose an active user as owner.", {
        fieldErrors: { ownerId: ["Choose an active user."] },
      });
    const item = await tx.actionItem.create({
      data: { incidentId: input.incidentId, title: input.title, ownerId: input.ownerId, dueDate: input.dueDate },
      select: { id: true },
    });
    const due = input.dueDate.toISOString().slice(0, 10);
    await tx.timelineEvent.create({
      data: {
        incidentId: input.incidentId,
        kind: "ACTION_ITEM",
        authorId: actor.id,
        body: `Action item for ${owner.name}, due ${due}: ${input.title}`,
        data: { actionItemId: item.id },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "action_item.created",
      entityType: "ActionItem",
      entityId: item.id,
      after: { ...input, dueDate: due },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.action_item_added",
      entityType: "Incident",
      entityId: input.incidentId,
      after: { actionItemId: item.id, title: input.title },
    });
    return item;
  });
}
