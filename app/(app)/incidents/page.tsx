import type { Metadata } from "next";
import { IncidentFilterBar } from "@/components/incidents/incident-filter-bar";
import { IncidentTable } from "@/components/incidents/incident-table";
import { ButtonLink } from "@/components/ui/button";
import { hasIncidentFilters, incidentFiltersToParams, parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { firstParam, type RawSearchParams } from "@/lib/schemas/search-params";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { decodeCursor, encodeCursor, listIncidents } from "@/lib/server/queries/incidents/list-incidents";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser("/incidents");
  const params = await searchParams;
  const filters = parseIncidentFilters(params);
  const after = decodeCursor(firstParam(params.after));
  const settings = await getOrgSettings();
  const [{ rows, next }, teams, services] = await Promise.all([
    listIncidents({ filters, timeZone: settings.timeZone, after }),
    listTeamOptions({ includeArchived: true }),
    listServiceOptions({ includeArchived: true }),
  ]);
  const query = incidentFiltersToParams(filters);
  const withCursor = (cursor: string | null) => {
    const p = new URLSearchParams(query);
    if (cursor) p.set("after", cursor);
    const s = p.toString();
    return s ? `/incidents?${s}` : "/incidents";
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
          <p className="mt-1 text-sm text-slate-600">Newest impact first. Times in {settings.timeZone}.</p>
        </div>
        {can(user.role, "incident:declare") ? <ButtonLink href="/incidents/new">Declare incident</ButtonLink> : null}
      </div>
      <IncidentFilterBar filters={filters} teams={teams} services={services} />
      <IncidentTable
        rows={rows}
        timeZone={settings.timeZone}
        empty={
          hasIncidentFilters(filters)
            ? "No incident matches these filters."
            : "No incidents yet. When something breaks, declare it here."
        }
      />
      <div className="flex justify-end gap-2">
        {after ? (
          <ButtonLink href={withCursor(null)} variant="secondary">
            Newest
          </ButtonLink>
        ) : null}
        {next ? (
          <ButtonLink href={withCursor(encodeCursor(next))} variant="secondary">
            Older incidents →
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
