import "server-only";
import { reportDataVersion } from "@/lib/reports/report-data-version";
import type { WeeklyReportModel } from "@/lib/reports/weekly-report-model";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { PdfRenderError, pdfLimits, renderWeeklyPdf, type PdfLimits } from "@/lib/server/pdf/render-weekly-pdf";

type CacheRow = {
  status: string;
  pdf: Uint8Array | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** A failed render is not tried again for this long (the same data would fail the same way). */
const FAILED_RETRY_MS = 60_000;
const POLL_MS = 200;

/**
 * The PDF of a weekly report, from the cache shared by every instance (table
 * "WeeklyReportPdf", keyed by week and data version) or rendered once in a worker thread.
 * An instance claims a render with an INSERT … ON CONFLICT; the others wait for it. A
 * render that passes its time or memory limit fails with a message saying what to do.
 */
export async function getWeeklyReportPdf(
  model: WeeklyReportModel,
  limits: PdfLimits = pdfLimits(),
): Promise<{ pdf: Uint8Array; cached: boolean; dataVersion: string }> {
  const db = getDb();
  const week = model.meta.isoWeek;
  const dataVersion = reportDataVersion(model);
  // Another instance's render is given up on after its own time limit, plus a margin.
  const staleMs = limits.timeMs + 15_000;
  const deadline = Date.now() + limits.timeMs + 5_000;

  for (;;) {
    const [row] = await db.$queryRaw<CacheRow[]>`
      SELECT status, pdf, error, "startedAt", "finishedAt" FROM "WeeklyReportPdf"
      WHERE week = ${week} AND "dataVersion" = ${dataVersion}`;
    if (row?.status === "READY" && row.pdf) return { pdf: new Uint8Array(row.pdf), cached: true, dataVersion };
    if (row?.status === "FAILED" && row.finishedAt && Date.now() - row.finishedAt.getTime() < FAILED_RETRY_MS)
      throw new AppError("UNAVAILABLE", row.error ?? "The PDF could not be made. Download the Markdown instead.", {
        retryAfterSeconds: Math.ceil(FAILED_RETRY_MS / 1000),
      });

    const claimed = await db.$executeRaw`
      INSERT INTO "WeeklyReportPdf" (week, "dataVersion", status, "startedAt")
      VALUES (${week}, ${dataVersion}, 'RENDERING', now())
      ON CONFLICT (week, "dataVersion") DO UPDATE SET status = 'RENDERING', "startedAt" = now(), error = NULL, pdf = NULL
      WHERE "WeeklyReportPdf".status = 'FAILED'
         OR ("WeeklyReportPdf".status = 'RENDERING'
             AND "WeeklyReportPdf"."startedAt" < now() - make_interval(secs => ${staleMs / 1000}))`;
    if (claimed === 1) return { pdf: await render(model, dataVersion, limits), cached: false, dataVersion };

    // Someone else is rendering this version: wait for it, within our own limit.
    if (Date.now() > deadline)
      throw new AppError("UNAVAILABLE", "The PDF is still being made. Try again in a few seconds.", {
        retryAfterSeconds: 5,
      });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function render(model: WeeklyReportModel, dataVersion: string, limits: PdfLimits): Promise<Uint8Array> {
  const db = getDb();
  const week = model.meta.isoWeek;
  const started = performance.now();
  try {
    const pdf = await renderWeeklyPdf(model, limits);
    const renderMs = Math.round(performance.now() - started);
    await db.$executeRaw`
      UPDATE "WeeklyReportPdf" SET status = 'READY', pdf = ${Buffer.from(pdf)}, "finishedAt" = now(), "renderMs" = ${renderMs}
      WHERE week = ${week} AND "dataVersion" = ${dataVersion}`;
    // Older versions of the week are stale for good: keep one PDF per week.
    await db.$executeRaw`
      DELETE FROM "WeeklyReportPdf" WHERE week = ${week} AND "dataVersion" <> ${dataVersion} AND status <> 'RENDERING'`;
    return pdf;
  } catch (error) {
    const message =
      error instanceof PdfRenderError ? error.message : "The PDF could not be made. Download the Markdown instead.";
    await db.$executeRaw`
      UPDATE "WeeklyReportPdf" SET status = 'FAILED', error = ${message}, "finishedAt" = now()
      WHERE week = ${week} AND "dataVersion" = ${dataVersion}`;
    const busy = error instanceof PdfRenderError && error.reason === "busy";
    // A full queue says nothing about this report: let the next request try again at once.
    if (busy)
      await db.$executeRaw`DELETE FROM "WeeklyReportPdf" WHERE week = ${week} AND "dataVersion" = ${dataVersion}`;
    throw new AppError("UNAVAILABLE", message, { retryAfterSeconds: busy ? 10 : Math.ceil(FAILED_RETRY_MS / 1000) });
  }
}
