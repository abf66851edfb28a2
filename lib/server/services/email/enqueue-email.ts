import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailMessage } from "@/lib/notifications/email-message";
import { smtpSettings } from "./smtp-settings";

/**
 * Queues one email per address in the caller's transaction (rows of the outbound queue with
 * `emailTo`; the delivery worker sends them, exactly as it sends webhooks: claimed with
 * FOR UPDATE SKIP LOCKED, retried, kept as history). Unique per (address, event id), so
 * the same occurrence never mails anyone twice. Nothing is queued without SMTP settings.
 */
export async function enqueueEmails(
  tx: Prisma.TransactionClient,
  input: { event: string; eventId: string; to: string[]; message: EmailMessage },
): Promise<number> {
  if (!smtpSettings()) return 0;
  const to = [...new Set(input.to.map((address) => address.trim().toLowerCase()))].filter(Boolean);
  if (to.length === 0) return 0;
  const payload = input.message as unknown as Prisma.InputJsonValue;
  const { count } = await tx.outboundDelivery.createMany({
    data: to.map((emailTo) => ({ emailTo, event: input.event, eventId: input.eventId, payload })),
    skipDuplicates: true,
  });
  return count;
}
