import { DataTable, EmptyState } from "@/components/ui/table";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import type { IncidentListRow } from "@/lib/server/queries/incidents/list-incidents";
import { IncidentRows } from "./incident-rows";

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
      <IncidentRows
        rows={rows.map((incident) => ({
          id: incident.id,
          title: incident.title,
          services: incident.services.join(", ") || "no service",
          severity: incident.severity,
          status: incident.status,
          blastRadiusLevel: incident.blastRadiusLevel,
          aiLinked: incident.aiLinked,
          policyViolation: incident.policyViolation,
          // Formatted here, in the organisation's zone: the browser's own clock and zone never enter.
          started: formatDateTime(incident.impactStartedAt, timeZone),
          duration: formatDuration(incident.durationMs),
          open: incident.resolvedAt === null,
        }))}
      />
    </DataTable>
  );
}
