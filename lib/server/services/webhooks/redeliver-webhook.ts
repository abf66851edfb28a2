import "server-only";
import type { RedeliverInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Puts a FAILED delivery back in the queue with a fresh set of attempts; its attempt log is kept. */
export async function redeliverWebhook(options: {
  actor: SessionUser;
  input: RedeliverInput;
}): Promise<{ webhookId: number | null; integrationId: number | null }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    const delivery = await tx.outboundDelivery.findUnique({
      where: { id: input.deliveryId },
      select: { webhookId: true, integrationId: true, status: true, eventId: true, attempts: true },
    });
    if (!delivery) throw new AppError("NOT_FOUND", "This delivery does not exist (any more).");
    const updated = await tx.outboundDelivery.updateMany({
      where: { id: input.deliveryId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (updated.count === 0)
      throw new AppError(
        "CONFLICT",
        "Only a failed delivery can be redelivered; this one is pending or delivered already.",
      );
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_delivery.redelivered",
      entityType: "OutboundDelivery",
      entityId: input.deliveryId,
      before: { status: delivery.status, attempts: delivery.attempts },
      after: { status: "PENDING", eventId: delivery.eventId, webhookId: delivery.webhookId },
    });
    return { webhookId: delivery.webhookId, integrationId: delivery.integrationId };
  });
}
