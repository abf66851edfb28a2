import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approvalBatchEmail, approvalNeededEmail } from "@/lib/notifications/approval-email";
import { enqueueEmails } from "@/lib/server/services/email/enqueue-email";
import { smtpSettings } from "@/lib/server/services/email/smtp-settings";
import { appUrl } from "@/lib/server/services/webhooks/app-url";
import { changeFacts, queueApprovalNeeded } from "@/lib/server/services/webhooks/queue-domain-events";

/**
 * Beyond the in-app notice: `change.approval_needed` to webhooks and Slack for each change,
 * and an email to every approver who has not turned these emails off (one per change, or one
 * for a batch an integration registered at once).
 */
export async function announceApprovalNeeded(
  tx: Prisma.TransactionClient,
  options: { changeIds: number[]; approvers: Array<{ email: string; emailApprovalNeeded: boolean }>; source: string },
): Promise<void> {
  await queueApprovalNeeded(tx, options.changeIds);
  // Without SMTP settings nothing is mailed: don't read the change's facts for an email.
  if (!smtpSettings()) return;
  const to = options.approvers.filter((a) => a.emailApprovalNeeded).map((a) => a.email);
  if (to.length === 0) return;
  const accountUrl = appUrl("/account#notifications");
  if (options.changeIds.length === 1) {
    const { row, data } = await changeFacts(tx, options.changeIds[0]);
    if (row.approvalState !== "PENDING" || row.shippedAt) return;
    await enqueueEmails(tx, {
      event: "email.approval_needed",
      eventId: `change-${row.id}-approval-needed-v${row.version}`,
      to,
      message: approvalNeededEmail(data, accountUrl),
    });
    return;
  }
  const ids = [...options.changeIds].sort((a, b) => a - b);
  await enqueueEmails(tx, {
    event: "email.approval_needed",
    eventId: `changes-${ids[0]}-${ids[ids.length - 1]}-${ids.length}-approval-needed`,
    to,
    message: approvalBatchEmail(ids.length, options.source, appUrl("/approvals"), accountUrl),
  });
}
