import type { Metadata } from "next";
import Link from "next/link";
import { AiBadge, ApprovalBadge, FailedBadge } from "@/components/changes/change-badges";
import { ChangeFilterBar } from "@/components/changes/change-filter-bar";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/table";
import { CHANGE_KIND_LABELS, LEVEL_LABELS } from "@/lib/domain/change";
import { formatDateTime } from "@/lib/domain/format";
import { changeFiltersToParams, parseChangeFilters } from "@/lib/schemas/change-filters";
import { idParam, type RawSearchParams } from "@/lib/schemas/search-params";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listChanges } from "@/lib/server/queries/changes/list-changes";
import { listPickOptions } from "@/lib/server/queries/lists/list-pick-options";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser("/changes");
  const params = await searchParams;
  const filters = parseChangeFilters(params);
  const before = idParam(params.before);
  const { timeZone } = await getOrgSettings();
  const [{ rows, nextBeforeId }, services, options] = await Promise.all([
    listChanges({ filters, timeZone, beforeId: before }),
    listServiceOptions({ includeArchived: true }),
    listPickOptions(),
  ]);
  const page = (beforeId: number | null) => {
    const p = changeFiltersToParams(filters);
    if (beforeId) p.set("before", String(beforeId));
    return p.size ? `/changes?${p}` : "/changes";
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Changes</h1>
          <p className="mt-1 text-sm text-slate-600">
            Newest first. A change failed when it triggered or caused an incident, or was rolled back.
          </p>
        </div>
        {can(user.role, "change:register") || can(user.role, "change:register-for-others") ? (
          <ButtonLink href="/changes/new">Register change</ButtonLink>
        ) : null}
      </div>
      <ChangeFilterBar filters={filters} services={services} aiTools={options.aiTools} />
      {rows.length === 0 ? (
        <EmptyState>No change matches these filters.</EmptyState>
      ) : (
        <DataTable columns={["Change", "Service", "Author", "Shipped", "Flags"]}>
          {rows.map((change) => (
            <tr key={change.id} className="hover:bg-slate-50">
              <td className="max-w-md px-4 py-3">
                <Link href={`/changes/${change.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                  {change.title}
                </Link>
                <div className="mt-0.5 truncate text-xs text-slate-500">
                  #{change.id} · {CHANGE_KIND_LABELS[change.kind]}
                  {change.repository ? ` · ${change.repository}` : ""}
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{change.service.name}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {change.author?.name ?? "Unknown"}
                {change.authorLevel ? (
                  <span className="ml-1 text-xs text-slate-500">{LEVEL_LABELS[change.authorLevel].toLowerCase()}</span>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {change.shippedAt ? (
                  formatDateTime(change.shippedAt, timeZone)
                ) : (
                  <span className="text-slate-600">not shipped</span>
                )}
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1.5">
                  <AiBadge
                    aiAssisted={change.aiAssisted}
                    toolName={change.aiTool?.name}
                    involvement={change.aiInvolvement}
                  />
                  <ApprovalBadge {...change} />
                  <FailedBadge failed={change.failed} />
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="flex justify-end gap-2">
        {before ? (
          <ButtonLink href={page(null)} variant="secondary">
            Newest
          </ButtonLink>
        ) : null}
        {nextBeforeId ? (
          <ButtonLink href={page(nextBeforeId)} variant="secondary">
            Older changes →
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
