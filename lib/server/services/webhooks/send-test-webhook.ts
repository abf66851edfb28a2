import "server-only";
import { randomBytes } from "node:crypto";
import type { OutboundWebhookIdInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { appUrl } from "./app-url";

/**
 * Queues a `ping` for this one webhook (even when inactive: an admin checks the receiver
 * before switching it on). `ping` is not an event one can subscribe to.
 */
export async function sendTestWebhook(options: {
  actor: SessionUser;
  input: OutboundWebhookIdInput;
}): Promise<{ deliveryId: number }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    const hook = await tx.outboundWebhook.findUnique({
      where: { id: input.webhookId },
      select: { id: true, name: true },
    });
    if (!hook) throw new AppError("NOT_FOUND", "This webhook does not exist (any more).");
    const eventId = `ping-${randomBytes(6).toString("hex")}`;
    const payload = {
      id: eventId,
      event: "ping",
      occurredAt: new Date().toISOString(),
      data: {
        webhook: { id: hook.id, name: hook.name },
        sentBy: { id: actor.id, name: actor.name },
        url: appUrl(`/admin/webhooks/${hook.id}`),
      },
    };
    const delivery = await tx.outboundDelivery.create({
      data: { webhookId: hook.id, event: "ping", eventId, payload },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.test_sent",
      entityType: "OutboundWebhook",
      entityId: hook.id,
      after: { eventId },
    });
    return { deliveryId: delivery.id };
  });
}
