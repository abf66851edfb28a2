import type { Metadata } from "next";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/admin-header";
import { AuditDiff } from "@/components/admin/audit-diff";
import { AuditFilterBar } from "@/components/admin/audit-filter-bar";
import { AccessNotice } from "@/components/ui/access-notice";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { auditFiltersToParams, parseAuditCursor, parseAuditFilters } from "@/lib/schemas/audit-filters";
import type { RawSearchParams } from "@/lib/schemas/search-params";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listAuditFilterOptions, searchAuditLog } from "@/lib/server/queries/audit/search-audit-log";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listUserOptions } from "@/lib/server/queries/users/list-users";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser("/admin/audit");
  if (!can(user.role, "audit:read")) return <AccessNotice title="Only admins can read the audit log">Ask an admin if you need to know who changed something.</AccessNotice>;
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const cursor = parseAuditCursor(params.after);
  const { timeZone } = await getOrgSettings();
  const [{ rows, nextCursor }, people, options] = await Promise.all([searchAuditLog({ filters, timeZone, cursor }), listUserOptions(), listAuditFilterOptions()]);
  const query = auditFiltersToParams(filters);
  const exportHref = `/admin/audit/export${query.size ? `?${query}` : ""}`;
  const nextHref = nextCursor ? `/admin/audit?${new URLSearchParams([...query, ["after", nextCursor]])}` : null;
  return (
    <div className="space-y-5">
      <AdminHeader current="/admin/audit" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-slate-600">Every change anyone made, newest first. Entries are never edited or deleted.</p>
        <a href={exportHref} className={buttonClasses("secondary")} download>Export CSV</a>
      </div>
      <AuditFilterBar filters={filters} people={people} actorLabels={options.actorLabels} entityTypes={options.entityTypes} actions={options.actions} timeZone={timeZone} />
      <DataTable columns={["When", "Who", "What", "Entity", "Change"]}>
        {rows.length === 0 ? (
          <tr><td colSpan={5} className="px-4 py-10 text-center text-slate-500">No audit entry matches these filters.</td></tr>
        ) : (
          rows.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(entry.at, timeZone)}</td>
              <td className="whitespace-nowrap px-4 py-3">{entry.actor?.name ?? entry.actorLabel ?? "System"}</td>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.action}</td>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.entityType} {entry.entityId}</td>
              <td className="px-4 py-3"><AuditDiff before={entry.before} after={entry.after} /></td>
            </tr>
          ))
        )}
      </DataTable>
      <div className="flex justify-between">
        {cursor ? <Link href={`/admin/audit${query.size ? `?${query}` : ""}`} className={buttonClasses("ghost")}>← Newest</Link> : <span />}
        {nextHref ? <Link href={nextHref} className={buttonClasses("secondary")}>Older →</Link> : null}
      </div>
    </div>
  );
}
