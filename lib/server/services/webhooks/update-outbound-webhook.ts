import "server-only";
import type { UpdateOutboundWebhookInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { slackUrlColumns } from "./slack-url";

/** Changes name, URL, events or whether it is active. Deliveries still queued go to the new URL. */
export async function updateOutboundWebhook(options: {
  actor: SessionUser;
  input: UpdateOutboundWebhookInput;
}): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.outboundWebhook.findUnique({
      where: { id: input.webhookId },
      select: { kind: true, name: true, url: true, events: true, active: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This webhook does not exist (any more).");
    // A Slack destination shows its URL masked: the masked value back means "keep it", anything else replaces it.
    const slack = before.kind === "SLACK" && input.url !== before.url ? slackUrlColumns(input.url) : null;
    const after = { name: input.name, url: slack?.url ?? input.url, events: input.events, active: input.active };
    await tx.outboundWebhook.update({
      where: { id: input.webhookId },
      data: { ...after, ...(slack ? { secret: slack.secret } : {}) },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.updated",
      entityType: "OutboundWebhook",
      entityId: input.webhookId,
      before: { name: before.name, url: before.url, events: before.events, active: before.active },
      after,
    });
  });
}
