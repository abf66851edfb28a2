"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { BlastRadiusLevel } from "@/lib/domain/blast-radius";
import type { IncidentStatus, Severity } from "@/lib/domain/severity";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "./incident-badges";

/** One incident of the list, its times already formatted in the organisation's time zone. */
export type IncidentRow = {
  id: number;
  title: string;
  services: string;
  severity: Severity;
  status: IncidentStatus;
  blastRadiusLevel: BlastRadiusLevel;
  aiLinked: boolean;
  policyViolation: boolean;
  started: string;
  duration: string;
  open: boolean;
};

/**
 * The list's rows, a client component on purpose: the page's payload then carries each row's
 * few values instead of its whole element tree, which the server would otherwise render twice
 * (once for the payload, once for the HTML) — the larger part of the page's time (issue 19).
 */
export function IncidentRows({ rows }: { rows: IncidentRow[] }) {
  return rows.map((incident) => (
    <tr key={incident.id} className="hover:bg-slate-50">
      <td className="max-w-md px-4 py-3">
        <Link href={`/incidents/${incident.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
          {incident.title}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          <span className="truncate">
            INC-{incident.id} · {incident.services}
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
      <td className="whitespace-nowrap px-4 py-3 text-slate-600">{incident.started}</td>
      <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
        {incident.duration}
        {incident.open ? <span className="ml-1 text-xs text-red-600">open</span> : null}
      </td>
    </tr>
  ));
}
