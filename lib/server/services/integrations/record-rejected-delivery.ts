import "server-only";
import { storableText } from "@/lib/schemas/hostile-input";
import { getDb } from "@/lib/server/db";

/** How many rejected deliveries are kept; older ones are pruned as new ones arrive. */
export const REJECTED_DELIVERY_LIMIT = 500;
export const REJECTED_BODY_LIMIT = 64 * 1024;

/** Cuts at a byte limit without splitting a UTF-8 character. */
export function cutBody(body: string, limit = REJECTED_BODY_LIMIT): string {
  const bytes = Buffer.from(body, "utf8");
  if (bytes.length <= limit) return body;
  return bytes
    .subarray(0, limit)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
}

export type RejectedDeliveryInput = {
  source: "github" | "alertmanager";
  integrationId: number | null;
  status: number;
  reason: string;
  event: string | null;
  /** The headers worth showing an admin (chosen at the door: never a signature or credential). */
  headers: Record<string, string>;
  body: string;
};

/** Keeps the refusal for admins (newest REJECTED_DELIVERY_LIMIT), in one transaction with the pruning. */
export async function recordRejectedDelivery(input: RejectedDeliveryInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.rejectedDelivery.create({
      data: {
        source: input.source,
        integrationId: input.integrationId,
        status: input.status,
        // What was refused may hold what PostgreSQL cannot store (NUL, lone surrogates): keep it visible, escaped.
        reason: storableText(input.reason.slice(0, 1000)),
        event: input.event ? storableText(input.event.slice(0, 100)) : null,
        headers: input.headers,
        body: storableText(cutBody(input.body)),
      },
    });
    await tx.$executeRaw`DELETE FROM "RejectedDelivery" WHERE id IN (SELECT id FROM "RejectedDelivery" ORDER BY id DESC OFFSET ${REJECTED_DELIVERY_LIMIT})`;
  });
}
