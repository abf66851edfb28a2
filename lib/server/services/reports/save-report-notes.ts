import "server-only";
import type { SaveReportNotesInput } from "@/lib/schemas/weekly-report";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** The "notes for the meeting" of a week, written by managers before the review. */
export async function saveReportNotes(options: { actor: SessionUser; input: SaveReportNotesInput }): Promise<void> {
  assertCan(options.actor, "report:publish");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.weeklyReportNote.findUnique({ where: { week: input.week }, select: { notes: true } });
    await tx.weeklyReportNote.upsert({
      where: { week: input.week },
      create: { week: input.week, notes: input.notes, updatedById: actor.id },
      update: { notes: input.notes, updatedById: actor.id },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "weekly_report.notes_saved",
      entityType: "WeeklyReport",
      entityId: input.week,
      before: { notes: before?.notes ?? "" },
      after: { notes: input.notes },
    });
  });
}
