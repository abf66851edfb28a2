import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboundEvent } from "@/lib/domain/outbound-events";

export type OutboundEventInput = {
  event: OutboundEvent;
  /**
   * Identifies this occurrence, stable across retries of whatever caused it (e.g.
   * `incident-42-declared`), so that the same event is never queued twice for a webhook.
   */
  eventId: string;
  data: Prisma.InputJsonValue;
  occurredAt?: Date;
};

/** Whether any active webhook listens for the event: lets callers skip building a payload nobody wants. */
export async function hasOutboundSubscribers(tx: Prisma.TransactionClient, event: OutboundEvent): Promise<boolean> {
  return (await tx.outboundWebhook.count({ where: { active: true, events: { has: event } } })) > 0;
}

/**
 * Queues the event for every active webhook subscribed to it, in the caller's transaction:
 * the delivery exists if and only if the change that caused it committed. The delivery
 * worker (deliver-due-webhooks.ts) sends it, signs it and retries it.
 */
export async function enqueueOutboundEvent(tx: Prisma.TransactionClient, input: OutboundEventInput): Promise<void> {
  const hooks = await tx.outboundWebhook.findMany({
    where: { active: true, events: { has: input.event } },
    select: { id: true },
  });
  if (hooks.length === 0) return;
  const payload = {
    id: input.eventId,
    event: input.event,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    data: input.data,
  };
  await tx.outboundDelivery.createMany({
    data: hooks.map((hook) => ({ webhookId: hook.id, event: input.event, eventId: input.eventId, payload })),
    skipDuplicates: true,
  });
}
