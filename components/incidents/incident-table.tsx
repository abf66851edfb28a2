import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyState } from "@/components/ui/table";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import type { IncidentListRow } from "@/lib/server/queries/incidents/list-incidents";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "./incident-badges";

export function IncidentTable({ rows, timeZone, empty }: { rows: IncidentListRow[]; timeZone: string; empty: string }) {
  if (rows.length === 0) {
    return <EmptyState>{empty}</EmptyState>;
  }
  return (
    <DataTable
      columns={[
        "Incident",
        "Severity",
        "Status",
        "Blast radius",
        "Impact started",
        { label: "Duration", align: "right" },
      ]}
    >
      {rows.map((incident) => (
        <tr key={incident.id} className="hover:bg-slate-50">
          <td className="max-w-md px-4 py-3">
            <Link href={`/incidents/${incident.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
              {incident.title}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
              <span className="truncate">
                INC-{incident.id} · {incident.services.join(", ") || "no service"}
              </span>
              {incident.aiLinked ? (
                <Badge tone="violet" title="A trigger or root-cause change was AI-assisted">
                  AI-assisted origin
                </Badge>
              ) : null}
              {incident.policyViolation ? (
                <Badge tone="red" title="An originating change shipped without its required approval">
                  Approval violation
                </Badge>
              ) : null}
            </div>
          </td>
          <td className="px-4 py-3">
            <SeverityBadge severity={incident.severity} />
          </td>
          <td className="px-4 py-3">
            <StatusBadge status={incident.status} />
          </td>
          <td className="px-4 py-3">
            <BlastRadiusBadge level={incident.blastRadiusLevel} />
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">
            {formatDateTime(incident.impactStartedAt, timeZone)}
          </td>
          <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
            {formatDuration(incident.durationMs)}
            {incident.resolvedAt ? null : <span className="ml-1 text-xs text-red-600">open</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
