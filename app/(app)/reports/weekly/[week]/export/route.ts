import { isoWeekToMonday } from "@/lib/domain/weeks";
import { problem, withApiErrors } from "@/lib/server/api/problem";
import { requireUser } from "@/lib/server/auth/require-user";
import { weeklyPdf } from "@/lib/reports/weekly-pdf";
import { buildWeeklyReportFiles } from "@/lib/server/queries/reports/build-weekly-report-files";
import { getWeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import { getPublicationFile } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

const FORMATS = ["pdf", "md", "incidents.csv", "changes.csv", "ai-comparison.csv"] as const;

/** Downloads of the weekly report for signed-in users: ?format=pdf | md | incidents.csv | changes.csv */
export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ week: string }> }) => {
  await requireUser("dashboard:read");
  const { week } = await context.params;
  const monday = isoWeekToMonday(week);
  if (!monday) return problem(404, "Not found", `"${week}" is not an ISO week such as 2026-W47.`);
  const format = new URL(request.url).searchParams.get("format") ?? "md";
  if (!(FORMATS as readonly string[]).includes(format)) {
    return problem(422, "Validation failed", `Unknown format "${format}". Use one of: ${FORMATS.join(", ")}.`);
  }
  const download = (body: string | Uint8Array<ArrayBuffer>, type: string, file: string) =>
    new Response(body, {
      headers: {
        "content-type": type === "application/pdf" ? type : `${type}; charset=utf-8`,
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "no-store",
      },
    });
  const publishedId = new URL(request.url).searchParams.get("published");
  const type = format === "pdf" ? "application/pdf" : format === "md" ? "text/markdown" : "text/csv";
  const file =
    format === "pdf"
      ? `twist-${week}.pdf`
      : format === "md"
        ? `twist-${week}.md`
        : `twist-${week}-${format.replace(".csv", "")}.csv`;
  if (format === "pdf" && !publishedId) {
    const { timeZone, name } = await getOrgSettings();
    const now = new Date();
    const report = await getWeeklyReport({ monday, timeZone, now });
    return download(
      new Uint8Array(await weeklyPdf(report, { isoWeek: week, organisation: name, timeZone, generatedAt: now })),
      type,
      file,
    );
  }

  // A published version: the files exactly as they were frozen.
  if (publishedId && format === "ai-comparison.csv")
    return problem(
      404,
      "Not found",
      "Published versions keep the Markdown, PDF and two CSVs; the comparison is in their Markdown.",
    );
  if (publishedId) {
    const field =
      format === "pdf"
        ? "pdf"
        : format === "md"
          ? "markdown"
          : format === "incidents.csv"
            ? "incidentsCsv"
            : "changesCsv";
    const stored = /^\d{1,9}$/.test(publishedId) ? await getPublicationFile(Number(publishedId), field) : null;
    if (!stored || stored.week !== week)
      return problem(404, "Not found", `No published version ${publishedId} of ${week} has that file.`);
    const body = typeof stored.body === "string" ? stored.body : new Uint8Array(stored.body);
    return download(body, type, file.replace(`twist-${week}`, `twist-${week}-published-${publishedId}`));
  }
  const field =
    format === "md"
      ? "markdown"
      : format === "incidents.csv"
        ? "incidentsCsv"
        : format === "ai-comparison.csv"
          ? "aiComparisonCsv"
          : "changesCsv";
  const { timeZone, name } = await getOrgSettings();
  const files = await buildWeeklyReportFiles({
    week,
    monday,
    timeZone,
    organisation: name,
    baseUrl: new URL(request.url).origin,
    now: new Date(),
  });
  return download(files[field], type, file);
});
