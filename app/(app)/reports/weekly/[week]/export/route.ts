import { isoWeekToMonday } from "@/lib/domain/weeks";
import { changesCsv, incidentsCsv } from "@/lib/reports/weekly-csv";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { problem, withApiErrors } from "@/lib/server/api/problem";
import { requireUser } from "@/lib/server/auth/require-user";
import { getWeeklyReport } from "@/lib/server/queries/reports/get-weekly-report";
import { listWeekChanges, listWeekIncidents } from "@/lib/server/queries/reports/list-week-rows";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

const FORMATS = ["md", "incidents.csv", "changes.csv"] as const;

/** Downloads of the weekly report for signed-in users: ?format=md | incidents.csv | changes.csv */
export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ week: string }> }) => {
  await requireUser("dashboard:read");
  const { week } = await context.params;
  const monday = isoWeekToMonday(week);
  if (!monday) return problem(404, "Not found", `"${week}" is not an ISO week such as 2026-W47.`);
  const format = new URL(request.url).searchParams.get("format") ?? "md";
  if (!(FORMATS as readonly string[]).includes(format)) {
    return problem(422, "Validation failed", `Unknown format "${format}". Use one of: ${FORMATS.join(", ")}.`);
  }
  const { timeZone, name } = await getOrgSettings();
  const now = new Date();
  const download = (body: string, type: string, file: string) =>
    new Response(body, { headers: { "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${file}"`, "cache-control": "no-store" } });

  if (format === "incidents.csv") return download(incidentsCsv(await listWeekIncidents(monday, timeZone), now), "text/csv", `twist-${week}-incidents.csv`);
  if (format === "changes.csv") return download(changesCsv(await listWeekChanges(monday, timeZone)), "text/csv", `twist-${week}-changes.csv`);
  const report = await getWeeklyReport({ monday, timeZone, now });
  const markdown = weeklyMarkdown(report, { isoWeek: week, organisation: name, timeZone, generatedAt: now, baseUrl: new URL(request.url).origin });
  return download(markdown, "text/markdown", `twist-${week}.md`);
});
