import "server-only";
import type { CreateOutboundWebhookInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { newWebhookSecret } from "./sign-payload";

/** Registers a receiver; returns its signing secret once (the audit row never holds it). */
export async function createOutboundWebhook(options: {
  actor: SessionUser;
  input: CreateOutboundWebhookInput;
}): Promise<{ id: number; secret: string }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  const secret = newWebhookSecret();
  return getDb().$transaction(async (tx) => {
    const hook = await tx.outboundWebhook.create({
      data: { name: input.name, url: input.url, events: input.events, secret, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.created",
      entityType: "OutboundWebhook",
      entityId: hook.id,
      after: { name: input.name, url: input.url, events: input.events, active: true },
    });
    return { id: hook.id, secret };
  });
}
