import { isoWeekToMonday } from "@/lib/domain/weeks";
import { aiComparisonCsv } from "@/lib/reports/ai-comparison-render";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { publicOrigin } from "@/lib/server/api/api-route";
import { problem, withApiErrors } from "@/lib/server/api/problem";
import { requireUser } from "@/lib/server/auth/require-user";
import { getWeeklyReportModel } from "@/lib/server/queries/reports/get-weekly-report-model";
import { weekCsvStream } from "@/lib/server/queries/reports/week-csv";
import { getPublicationFile } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { getWeeklyReportPdf } from "@/lib/server/services/reports/get-weekly-report-pdf";

export const dynamic = "force-dynamic";

const FORMATS = ["pdf", "md", "incidents.csv", "changes.csv", "ai-comparison.csv"] as const;
type Format = (typeof FORMATS)[number];
const FIELDS = {
  pdf: "pdf",
  md: "markdown",
  "incidents.csv": "incidentsCsv",
  "changes.csv": "changesCsv",
  "ai-comparison.csv": "aiComparisonCsv",
} as const;
const TYPES = {
  pdf: "application/pdf",
  md: "text/markdown",
  "incidents.csv": "text/csv",
  "changes.csv": "text/csv",
  "ai-comparison.csv": "text/csv",
};

/** Downloads of the weekly report for signed-in users: ?format=pdf | md | incidents.csv | changes.csv | ai-comparison.csv */
export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ week: string }> }) => {
  await requireUser("dashboard:read");
  const { week } = await context.params;
  const monday = isoWeekToMonday(week);
  if (!monday) return problem(404, "Not found", `"${week}" is not an ISO week such as 2026-W47.`);
  const search = new URL(request.url).searchParams;
  const requested = search.get("format") ?? "md";
  if (!(FORMATS as readonly string[]).includes(requested)) {
    return problem(422, "Validation failed", `Unknown format "${requested}". Use one of: ${FORMATS.join(", ")}.`);
  }
  const format = requested as Format;
  const type = TYPES[format];
  const download = (body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, file: string) =>
    new Response(body, {
      headers: {
        "content-type": type === "application/pdf" ? type : `${type}; charset=utf-8`,
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "no-store",
      },
    });
  const file = format === "pdf" || format === "md" ? `twist-${week}.${format}` : `twist-${week}-${format}`;

  // A published version: the files exactly as they were frozen.
  const publishedId = search.get("published");
  if (publishedId && format === "ai-comparison.csv")
    return problem(
      404,
      "Not found",
      "Published versions keep the Markdown, PDF and two CSVs; the comparison is in their Markdown.",
    );
  if (publishedId && format !== "ai-comparison.csv") {
    const stored = /^\d{1,9}$/.test(publishedId) ? await getPublicationFile(Number(publishedId), FIELDS[format]) : null;
    if (!stored || stored.week !== week)
      return problem(404, "Not found", `No published version ${publishedId} of ${week} has that file.`);
    const body = typeof stored.body === "string" ? stored.body : new Uint8Array(stored.body);
    return download(body, file.replace(`twist-${week}`, `twist-${week}-published-${publishedId}`));
  }

  const { timeZone, name } = await getOrgSettings();
  const now = new Date();
  // The CSVs list every row of the week: streamed in batches, never built in memory.
  if (format === "incidents.csv" || format === "changes.csv")
    return download(weekCsvStream(format === "incidents.csv" ? "incidents" : "changes", monday, timeZone, now), file);
  const model = await getWeeklyReportModel({
    isoWeek: week,
    monday,
    timeZone,
    organisation: name,
    baseUrl: publicOrigin(request),
    now,
  });
  if (format === "pdf") {
    // Rendered in a worker thread under time and memory limits, cached per week and data version.
    const { pdf } = await getWeeklyReportPdf(model);
    return download(new Uint8Array(pdf), file);
  }
  if (format === "ai-comparison.csv") return download(aiComparisonCsv(model.dashboard.aiComparison), file);
  return download(weeklyMarkdown(model), file);
});
