import "server-only";
import type { OutboundWebhookIdInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Deletes the webhook with its delivery history (deactivate it instead to keep the history). */
export async function deleteOutboundWebhook(options: {
  actor: SessionUser;
  input: OutboundWebhookIdInput;
}): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.outboundWebhook.findUnique({
      where: { id: input.webhookId },
      select: { name: true, url: true, events: true, active: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This webhook does not exist (any more).");
    const deliveries = await tx.outboundDelivery.count({ where: { webhookId: input.webhookId } });
    await tx.outboundWebhook.delete({ where: { id: input.webhookId } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.deleted",
      entityType: "OutboundWebhook",
      entityId: input.webhookId,
      before: { ...before, deliveries },
    });
  });
}
