import type { Metadata } from "next";
import Link from "next/link";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { decodeCursor, encodeCursor, listIncidents } from "@/lib/server/queries/incidents/list-incidents";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/incidents");
  const params = await searchParams;
  const after = decodeCursor(typeof params.after === "string" ? params.after : undefined);
  const [{ rows, next }, settings] = await Promise.all([listIncidents({ after }), getOrgSettings()]);

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
          <p className="mt-1 text-sm text-slate-600">Newest impact first. Times in {settings.timeZone}.</p>
        </div>
        {can(user.role, "incident:declare") ? <ButtonLink href="/incidents/new">Declare incident</ButtonLink> : null}
      </div>

      <div className="mt-6 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {rows.length === 0 ? (
          <div className="px-6 py-16 text-center">
            <p className="font-medium text-slate-900">No incidents yet</p>
            <p className="mt-1 text-sm text-slate-500">When something breaks, declare it here so the team can follow along.</p>
          </div>
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Incident</th>
                <th scope="col" className="px-4 py-3">Severity</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Blast radius</th>
                <th scope="col" className="px-4 py-3">Impact started</th>
                <th scope="col" className="px-4 py-3 text-right">Duration</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((incident) => (
                <tr key={incident.id} className="hover:bg-slate-50">
                  <td className="max-w-md px-4 py-3">
                    <Link href={`/incidents/${incident.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                      {incident.title}
                    </Link>
                    <div className="mt-0.5 truncate text-xs text-slate-500">
                      INC-{incident.id} · {incident.services.join(", ") || "no service"}
                    </div>
                  </td>
                  <td className="px-4 py-3"><SeverityBadge severity={incident.severity} /></td>
                  <td className="px-4 py-3"><StatusBadge status={incident.status} /></td>
                  <td className="px-4 py-3"><BlastRadiusBadge level={incident.blastRadiusLevel} /></td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(incident.impactStartedAt, settings.timeZone)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
                    {formatDuration(incident.durationMs)}
                    {incident.resolvedAt ? null : <span className="ml-1 text-xs text-red-600">open</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="mt-4 flex justify-end gap-2">
        {after ? <ButtonLink href="/incidents" variant="secondary">Newest</ButtonLink> : null}
        {next ? <ButtonLink href={`/incidents?after=${encodeCursor(next)}`} variant="secondary">Older incidents →</ButtonLink> : null}
      </div>
    </div>
  );
}
