import "server-only";
import type { OutboundWebhookIdInput } from "@/lib/schemas/outbound-webhook";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { newWebhookSecret } from "./sign-payload";

/** Replaces the signing secret at once (every later attempt is signed with the new one); returns it once. */
export async function rotateWebhookSecret(options: {
  actor: SessionUser;
  input: OutboundWebhookIdInput;
}): Promise<{ secret: string }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  const secret = newWebhookSecret();
  await getDb().$transaction(async (tx) => {
    const updated = await tx.outboundWebhook.updateMany({
      where: { id: input.webhookId, kind: "WEBHOOK" },
      data: { secret },
    });
    if (updated.count === 0)
      throw new AppError(
        "NOT_FOUND",
        "This webhook does not exist (any more), or it is a Slack destination: replace its URL in the settings instead.",
      );
    await writeAudit(tx, {
      actorId: actor.id,
      action: "outbound_webhook.secret_rotated",
      entityType: "OutboundWebhook",
      entityId: input.webhookId,
    });
  });
  return { secret };
}
