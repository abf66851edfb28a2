import "server-only";
import type { CreateSlackDestinationInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { slackUrlColumns } from "./slack-url";

/**
 * Adds a Slack incoming-webhook destination. It is an outbound webhook of kind SLACK, so it
 * shares the queue, retries, history and admin page; its URL is sealed and never shown again.
 */
export async function createSlackDestination(options: {
  actor: SessionUser;
  input: CreateSlackDestinationInput;
}): Promise<{ id: number; maskedUrl: string }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  const columns = slackUrlColumns(input.url);
  return getDb().$transaction(async (tx) => {
    const hook = await tx.outboundWebhook.create({
      data: { kind: "SLACK", name: input.name, events: input.events, ...columns, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.created",
      entityType: "OutboundWebhook",
      entityId: hook.id,
      after: { kind: "SLACK", name: input.name, url: columns.url, events: input.events, active: true },
    });
    return { id: hook.id, maskedUrl: columns.url };
  });
}
