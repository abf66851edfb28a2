import { parseAuditFilters } from "@/lib/schemas/audit-filters";
import { withApiErrors } from "@/lib/server/api/problem";
import { requireUser } from "@/lib/server/auth/require-user";
import { exportAuditCsv } from "@/lib/server/queries/audit/export-audit-csv";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the same filters as /admin/audit (docs/admin.md lists the columns). */
export const GET = withApiErrors(async (request: Request) => {
  const actor = await requireUser("audit:read");
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const { timeZone } = await getOrgSettings();
  const { csv } = await exportAuditCsv({ actor, filters, timeZone });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="faultline-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
