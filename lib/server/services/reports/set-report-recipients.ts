import "server-only";
import type { ReportRecipientsInput } from "@/lib/schemas/notifications";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Sets who gets the published weekly report by email (managers and admins, like publishing). */
export async function setReportRecipients(options: { actor: SessionUser; input: ReportRecipientsInput }) {
  assertCan(options.actor, "report:publish");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.orgSettings.upsert({
      where: { id: 1 },
      create: { id: 1 },
      update: {},
      select: { reportRecipients: true },
    });
    await tx.orgSettings.update({ where: { id: 1 }, data: { reportRecipients: input.recipients } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "weekly_report.recipients_updated",
      entityType: "OrgSettings",
      entityId: 1,
      before: { reportRecipients: before.reportRecipients },
      after: { reportRecipients: input.recipients },
    });
  });
}
