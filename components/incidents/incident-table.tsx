import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import type { IncidentListRow } from "@/lib/server/queries/incidents/list-incidents";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "./incident-badges";

export function IncidentTable({ rows, timeZone, empty }: { rows: IncidentListRow[]; timeZone: string; empty: string }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg bg-white px-6 py-16 text-center shadow-sm ring-1 ring-slate-200">
        <p className="font-medium text-slate-900">{empty}</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
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
                <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                  <span className="truncate">INC-{incident.id} · {incident.services.join(", ") || "no service"}</span>
                  {incident.aiLinked ? <Badge tone="violet" title="A trigger or root-cause change was AI-assisted">AI-assisted origin</Badge> : null}
                  {incident.policyViolation ? <Badge tone="red" title="An originating change shipped without its required approval">Approval violation</Badge> : null}
                </div>
              </td>
              <td className="px-4 py-3"><SeverityBadge severity={incident.severity} /></td>
              <td className="px-4 py-3"><StatusBadge status={incident.status} /></td>
              <td className="px-4 py-3"><BlastRadiusBadge level={incident.blastRadiusLevel} /></td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(incident.impactStartedAt, timeZone)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
                {formatDuration(incident.durationMs)}
                {incident.resolvedAt ? null : <span className="ml-1 text-xs text-red-600">open</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
