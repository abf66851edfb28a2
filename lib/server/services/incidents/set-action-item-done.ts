import "server-only";
import type { SetActionItemDoneInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

export async function setActionItemDone(options: {
  actor: SessionUser;
  input: SetActionItemDoneInput;
}): Promise<{ incidentId: number }> {
  assertCan(options.actor, "incident:review");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    const item = await tx.actionItem.findUnique({
      where: { id: input.actionItemId },
      select: { incidentId: true, completedAt: true, title: true },
    });
    if (!item) throw new AppError("NOT_FOUND", "This action item does not exist (any more).");
    const completedAt = input.done ? (item.completedAt ?? new Date()) : null;
    await tx.actionItem.update({ where: { id: input.actionItemId }, data: { completedAt } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.done ? "action_item.completed" : "action_item.reopened",
      entityType: "Incident",
      entityId: item.incidentId,
      before: { actionItemId: input.actionItemId, completedAt: item.completedAt?.toISOString() ?? null },
      after: { actionItemId: input.actionItemId, completedAt: completedAt?.toISOString() ?? null },
    });
    return { incidentId: item.incidentId };
  });
}
