import "server-only";
import { getDb } from "@/lib/server/db";

/**
 * The PDF attached to the weekly-report email: the one place that decides which PDF that is.
 * Today the publication froze the PDF that `weeklyPdf` rendered when it was published; if
 * PDFs move to a worker or cache, switch this function only.
 */
export async function weeklyReportPdfForEmail(publicationId: number): Promise<Buffer | null> {
  const publication = await getDb().weeklyReportPublication.findUnique({
    where: { id: publicationId },
    select: { pdf: true },
  });
  return publication ? Buffer.from(publication.pdf) : null;
}
