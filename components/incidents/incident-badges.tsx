import { Badge, type Tone } from "@/components/ui/badge";
import type { BlastRadiusLevel } from "@/lib/domain/blast-radius";
import { SEVERITY_INFO, STATUS_LABELS, type IncidentStatus, type Severity } from "@/lib/domain/severity";

const SEVERITY_TONE: Record<Severity, Tone> = {
  SEV1: "red-solid",
  SEV2: "orange-solid",
  SEV3: "amber",
  SEV4: "slate",
};
const STATUS_TONE: Record<IncidentStatus, Tone> = {
  INVESTIGATING: "red",
  IDENTIFIED: "orange",
  MONITORING: "blue",
  RESOLVED: "green",
};
const BLAST_TONE: Record<BlastRadiusLevel, Tone> = { LOW: "slate", MEDIUM: "amber", HIGH: "orange", CRITICAL: "red" };
const BLAST_LABEL: Record<BlastRadiusLevel, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge tone={SEVERITY_TONE[severity]} title={SEVERITY_INFO[severity].description} className="font-semibold">
      {SEVERITY_INFO[severity].label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function BlastRadiusBadge({ level }: { level: BlastRadiusLevel }) {
  return (
    <Badge tone={BLAST_TONE[level]} title="Blast radius: see Definitions for the rule">
      {BLAST_LABEL[level]} blast
    </Badge>
  );
}
