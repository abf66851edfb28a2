import "server-only";
import { getDb } from "@/lib/server/db";
import { thawModel } from "@/lib/reports/frozen-model";
import type { HeadlineSnapshot } from "./build-weekly-report-files";

export async function listPublications(limit = 100) {
  const rows = await getDb().weeklyReportPublication.findMany({
    orderBy: [{ week: "desc" }, { publishedAt: "desc" }],
    take: limit,
    select: { id: true, week: true, publishedAt: true, publishedById: true },
  });
  const users = await getDb().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.publishedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, publishedBy: names.get(r.publishedById) ?? "Unknown" }));
}

/** The newest publication of a week, with its frozen headline. */
export async function getLatestPublication(week: string) {
  const row = await getDb().weeklyReportPublication.findFirst({
    where: { week },
    orderBy: { publishedAt: "desc" },
    select: { id: true, publishedAt: true, publishedById: true, notes: true, snapshot: true, model: true },
  });
  if (!row) return null;
  const by = await getDb().user.findUnique({ where: { id: row.publishedById }, select: { name: true } });
  const snapshot = row.snapshot as { headline: HeadlineSnapshot };
  return {
    id: row.id,
    publishedAt: row.publishedAt,
    publishedBy: by?.name ?? "Unknown",
    notes: row.notes,
    headline: snapshot.headline,
    /** The report as published, or null for publications made before the model was kept. */
    model: thawModel(row.model),
  };
}

export async function getPublicationFile(id: number, file: "markdown" | "incidentsCsv" | "changesCsv" | "pdf") {
  const row = await getDb().weeklyReportPublication.findUnique({
    where: { id },
    select: { week: true, markdown: true, incidentsCsv: true, changesCsv: true, pdf: true },
  });
  if (!row) return null;
  const body = row[file];
  if (body instanceof Uint8Array && body.length === 0) return null; // published before PDFs were kept
  return { week: row.week, body };
}

export async function getReportNotes(week: string): Promise<string> {
  return (await getDb().weeklyReportNote.findUnique({ where: { week }, select: { notes: true } }))?.notes ?? "";
}
