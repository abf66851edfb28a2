import "server-only";
import { getDb } from "@/lib/server/db";

/** The integration a webhook URL names, with what its handler needs (secret included). */
export async function getWebhookIntegration(id: number) {
  return getDb().integration.findUnique({
    where: { id },
    select: { id: true, kind: true, name: true, secret: true, config: true, active: true, createdById: true },
  });
}
export type WebhookIntegration = NonNullable<Awaited<ReturnType<typeof getWebhookIntegration>>>;
