import "server-only";
import type { SetRolledBackInput } from "@/lib/schemas/change";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Records (or clears) when a shipped change was rolled back; a rolled-back change counts as failed. */
export async function setRolledBack(options: { actor: SessionUser; input: SetRolledBackInput }): Promise<void> {
  assertCan(options.actor, "change:register");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const change = await tx.change.findUnique({
      where: { id: input.changeId },
      select: { shippedAt: true, rolledBackAt: true },
    });
    if (!change) throw new AppError("NOT_FOUND", "This change does not exist (any more).");
    if (input.rolledBackAt && !change.shippedAt) {
      throw new AppError("VALIDATION", "Only a change that shipped can be rolled back.", {
        fieldErrors: { rolledBackAt: ["This change has not shipped."] },
      });
    }
    if (input.rolledBackAt && change.shippedAt && input.rolledBackAt < change.shippedAt) {
      throw new AppError("VALIDATION", "The rollback cannot be earlier than the ship time.", {
        fieldErrors: { rolledBackAt: ["Pick a time after it shipped."] },
      });
    }
    await tx.change.update({
      where: { id: input.changeId },
      data: { rolledBackAt: input.rolledBackAt, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.rolledBackAt ? "change.rolled_back" : "change.rollback_cleared",
      entityType: "Change",
      entityId: input.changeId,
      before: { rolledBackAt: change.rolledBackAt?.toISOString() ?? null },
      after: { rolledBackAt: input.rolledBackAt?.toISOString() ?? null },
    });
  });
}
