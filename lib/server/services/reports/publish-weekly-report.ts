import "server-only";
import { formatDay } from "@/lib/domain/format";
import { addDays, isoWeekToMonday, zonedMidnight } from "@/lib/domain/weeks";
import { freezeModel } from "@/lib/reports/frozen-model";
import type { PublishWeeklyReportInput } from "@/lib/schemas/weekly-report";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { buildWeeklyReportFiles } from "@/lib/server/queries/reports/build-weekly-report-files";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queueReportEmails } from "@/lib/server/services/email/queue-report-emails";
import { queueReportPublished } from "@/lib/server/services/webhooks/queue-domain-events";
import { getWeeklyReportPdf } from "./get-weekly-report-pdf";

/**
 * Freezes a week's report for the meeting: the headline numbers, the Sev1/Sev2 list and
 * the exported files as they are now, with the notes. Later edits to incidents or changes
 * then show as "changed since published"; the published files stay downloadable.
 */
export async function publishWeeklyReport(options: {
  actor: SessionUser;
  input: PublishWeeklyReportInput;
  timeZone: string;
  organisation: string;
  baseUrl: string;
  /** The moment of publishing (tests); now by default. */
  now?: Date;
}): Promise<{ id: number }> {
  assertCan(options.actor, "report:publish");
  const { actor, input } = options;
  const monday = isoWeekToMonday(input.week);
  if (!monday) throw new AppError("NOT_FOUND", `"${input.week}" is not an ISO week.`);
  const now = options.now ?? new Date();
  const ends = zonedMidnight(addDays(monday, 7), options.timeZone);
  if (ends > now)
    throw new AppError(
      "VALIDATION",
      `${input.week} has not ended yet: it runs until the end of Sunday ${formatDay(addDays(monday, 6))} (${options.timeZone}). Publish it from Monday ${formatDay(addDays(monday, 7))} on.`,
      { fieldErrors: { week: ["Only a week that has ended can be published."] } },
    );
  const files = await buildWeeklyReportFiles({
    week: input.week,
    monday,
    timeZone: options.timeZone,
    organisation: options.organisation,
    baseUrl: options.baseUrl,
    now,
  });
  const { pdf } = await getWeeklyReportPdf(files.model);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const note = await tx.weeklyReportNote.findUnique({ where: { week: input.week }, select: { notes: true } });
    const publication = await tx.weeklyReportPublication.create({
      data: {
        week: input.week,
        publishedById: actor.id,
        publishedAt: now,
        notes: note?.notes ?? "",
        snapshot: {
          headline: files.headline,
          majorIncidents: files.model.majorIncidents.map((i) => ({ id: i.id, title: i.title, severity: i.severity })),
        },
        markdown: files.markdown,
        incidentsCsv: files.incidentsCsv,
        changesCsv: files.changesCsv,
        pdf: new Uint8Array(pdf),
        model: freezeModel(files.model) as object,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "weekly_report.published",
      entityType: "WeeklyReport",
      entityId: input.week,
      after: { publicationId: publication.id, headline: files.headline },
    });
    await queueReportPublished(tx, {
      week: input.week,
      publicationId: publication.id,
      publishedBy: actor,
      headline: files.headline,
      sentence: files.model.dashboard.aiComparison.sentence,
    });
    await queueReportEmails(tx, {
      week: input.week,
      publicationId: publication.id,
      sentence: files.model.dashboard.aiComparison.sentence,
    });
    return publication;
  });
}
