import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/admin-header";
import { AuditFilterBar } from "@/components/admin/audit-filter-bar";
import { AuditTable } from "@/components/admin/audit-table";
import { buttonClasses } from "@/components/ui/button";
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
  if (!can(user.role, "audit:read")) forbidden();
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const cursor = parseAuditCursor(params.after);
  const { timeZone } = await getOrgSettings();
  const [{ rows, nextCursor }, people, options] = await Promise.all([
    searchAuditLog({ filters, timeZone, cursor }),
    listUserOptions(),
    listAuditFilterOptions(),
  ]);
  const query = auditFiltersToParams(filters);
  const exportHref = `/admin/audit/export${query.size ? `?${query}` : ""}`;
  const nextHref = nextCursor ? `/admin/audit?${new URLSearchParams([...query, ["after", nextCursor]])}` : null;
  return (
    <div className="space-y-5">
      <AdminHeader current="/admin/audit" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-slate-600">
          Every change anyone made, newest first. Entries are never edited or deleted.
        </p>
        <a href={exportHref} className={buttonClasses("secondary")} download>
          Export CSV
        </a>
      </div>
      <AuditFilterBar
        filters={filters}
        people={people}
        actorLabels={options.actorLabels}
        entityTypes={options.entityTypes}
        actions={options.actions}
        timeZone={timeZone}
      />
      <AuditTable entries={rows} timeZone={timeZone} showEntity emptyText="No audit entry matches these filters." />
      <div className="flex justify-between">
        {cursor ? (
          <Link href={`/admin/audit${query.size ? `?${query}` : ""}`} className={buttonClasses("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Link href={nextHref} className={buttonClasses("secondary")}>
            Older →
          </Link>
        ) : null}
      </div>
    </div>
  );
}
