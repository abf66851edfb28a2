import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HeadlineRow } from "@/lib/notifications/outbound-payloads";
import { weeklyReportEmail } from "@/lib/notifications/report-email";
import { appUrl } from "@/lib/server/services/webhooks/app-url";
import { enqueueEmails } from "./enqueue-email";

/**
 * Mails a just-published report to the organisation's distribution list (set on the report
 * page), in the publishing transaction. People on the list who turned the weekly report off
 * on their Account page are left out.
 */
export async function queueReportEmails(
  tx: Prisma.TransactionClient,
  options: { week: string; publicationId: number; sentence?: string | null },
): Promise<number> {
  const settings = await tx.orgSettings.findUnique({
    where: { id: 1 },
    select: { name: true, reportRecipients: true },
  });
  const list = settings?.reportRecipients ?? [];
  if (list.length === 0) return 0;
  const optedOut = await tx.user.findMany({
    where: { emailWeeklyReport: false, email: { in: list, mode: "insensitive" } },
    select: { email: true },
  });
  const skip = new Set(optedOut.map((u) => u.email.toLowerCase()));
  const to = list.filter((address) => !skip.has(address.toLowerCase()));
  if (to.length === 0) return 0;
  const publication = await tx.weeklyReportPublication.findUniqueOrThrow({
    where: { id: options.publicationId },
    select: { markdown: true, snapshot: true },
  });
  const snapshot = publication.snapshot as { headline?: HeadlineRow[] };
  const message = weeklyReportEmail({
    organisation: settings?.name ?? "Faultline",
    week: options.week,
    publicationId: options.publicationId,
    headline: snapshot.headline ?? [],
    sentence: options.sentence ?? null,
    markdown: publication.markdown,
    reportUrl: appUrl(`/reports/weekly/${options.week}`),
  });
  return enqueueEmails(tx, {
    event: "email.report_published",
    eventId: `report-${options.week}-publication-${options.publicationId}`,
    to,
    message,
  });
}
