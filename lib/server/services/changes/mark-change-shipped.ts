import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MarkChangeShippedInput } from "@/lib/schemas/change";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queuePolicyViolationIfShipped } from "@/lib/server/services/webhooks/queue-domain-events";
import { lockChangeForEdit } from "./change-edit-access";

/**
 * Records when a registered change shipped. Once shipped, its approval state is what it shipped
 * with: a required change without an approval given before this time is a violation, announced
 * like any other.
 */
export async function markChangeShipped(options: { actor: SessionUser; input: MarkChangeShippedInput }): Promise<void> {
  await getDb().$transaction((tx) => markChangeShippedInTx(tx, options.actor, options.input));
}

export async function markChangeShippedInTx(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  input: MarkChangeShippedInput,
): Promise<void> {
  const before = await lockChangeForEdit(tx, actor, input.changeId, input.version);
  if (before.shippedAt)
    throw new AppError("CONFLICT", "This change is already marked shipped. Reload to see when.", {
      fieldErrors: { shippedAt: ["Already shipped."] },
    });
  if (before.abandonedAt)
    throw new AppError("VALIDATION", "This pull request was closed without merging, so it never shipped.", {
      fieldErrors: { shippedAt: ["Closed without merging: it cannot ship."] },
    });
  await tx.change.update({
    where: { id: input.changeId },
    data: { shippedAt: input.shippedAt, version: { increment: 1 } },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "change.shipped",
    entityType: "Change",
    entityId: input.changeId,
    before: { shippedAt: null, approvalState: before.approvalState },
    after: { shippedAt: input.shippedAt.toISOString(), approvalState: before.approvalState },
  });
  await queuePolicyViolationIfShipped(tx, input.changeId);
}
