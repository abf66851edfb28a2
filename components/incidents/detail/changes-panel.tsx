import Link from "next/link";
import { AiBadge, ApprovalBadge } from "@/components/changes/change-badges";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { cn } from "@/components/ui/cn";
import { LINK_ROLE_LABELS, isFailingRole } from "@/lib/domain/change-failure";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import type { IncidentDetail } from "@/lib/server/queries/incidents/get-incident";
import { SUSPECT_WINDOWS_HOURS, type SuspectChange } from "@/lib/server/queries/incidents/list-suspect-changes";
import { LinkChangeSearch } from "./link-change-search";
import { LinkSuspectForm, LinkedChangeControls } from "./link-forms";

type Props = {
  incident: Pick<IncidentDetail, "id" | "impactStartedAt" | "changes">;
  suspects: SuspectChange[];
  windowHours: number;
  timeZone: string;
  canWrite: boolean;
};

export function ChangesPanel({ incident, suspects, windowHours, timeZone, canWrite }: Props) {
  return (
    <Panel title="Originating changes" id="changes">
      {incident.changes.length === 0 ? (
        <p className="text-sm text-slate-500">
          No change linked yet. Find it by number, external id or title, or pick it from the suspects below.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {incident.changes.map(({ role, change }) => (
            <li
              key={change.id}
              className="flex flex-col gap-2 py-3 first:pt-0 sm:flex-row sm:items-start sm:justify-between sm:gap-3"
            >
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge tone={isFailingRole(role) ? "red" : "slate"}>{LINK_ROLE_LABELS[role]}</Badge>
                  <Link
                    href={`/changes/${change.id}`}
                    className="text-sm font-medium text-slate-900 hover:text-indigo-600"
                  >
                    #{change.id} {change.title}
                  </Link>
                </div>
                <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                  <span>{change.service.name}</span>
                  <span>
                    · {change.author?.name ?? "unknown author"}
                    {change.authorLevel ? ` (${LEVEL_LABELS[change.authorLevel].toLowerCase()})` : ""}
                  </span>
                  <span>
                    · {change.shippedAt ? `shipped ${formatDateTime(change.shippedAt, timeZone)}` : "not shipped"}
                  </span>
                  <AiBadge
                    aiAssisted={change.aiAssisted}
                    toolName={change.aiTool?.name}
                    involvement={change.aiInvolvement}
                  />
                  <ApprovalBadge {...change} />
                  {change.rolledBackAt ? <Badge tone="orange">Rolled back</Badge> : null}
                </div>
              </div>
              {canWrite ? (
                <div className="shrink-0">
                  <LinkedChangeControls incidentId={incident.id} changeId={change.id} role={role} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {canWrite ? (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <LinkChangeSearch incidentId={incident.id} />
        </div>
      ) : null}

      <div className="mt-5 border-t border-slate-100 pt-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold text-slate-900">Suspects</h3>
          <nav aria-label="Suspect window" className="flex items-center gap-1 text-xs">
            <span className="text-slate-500">Shipped in the</span>
            {SUSPECT_WINDOWS_HOURS.map((hours) => (
              <Link
                key={hours}
                href={`?window=${hours}#changes`}
                scroll={false}
                aria-current={hours === windowHours ? "true" : undefined}
                className={cn(
                  "rounded px-2 py-1",
                  hours === windowHours ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                {hours < 48 ? `${hours} h` : `${hours / 24} days`}
              </Link>
            ))}
            <span className="text-slate-500">before impact</span>
          </nav>
        </div>
        {suspects.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">
            No unlinked change shipped in that window. Widen it to look further back.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {suspects.map((change) => (
              <li
                key={change.id}
                className="flex flex-col gap-2 py-2.5 sm:flex-row sm:items-start sm:justify-between sm:gap-3"
              >
                <div className="min-w-0 space-y-1">
                  <Link
                    href={`/changes/${change.id}`}
                    className="text-sm font-medium text-slate-900 hover:text-indigo-600"
                  >
                    #{change.id} {change.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                    {change.onAffectedService ? <Badge tone="blue">Affected service</Badge> : null}
                    <span>{change.serviceName}</span>
                    <span>
                      · {formatDuration(incident.impactStartedAt.getTime() - change.shippedAt.getTime())} before impact
                    </span>
                    <span>· {change.authorName ?? "unknown author"}</span>
                    <AiBadge
                      aiAssisted={change.aiAssisted}
                      toolName={change.aiToolName}
                      involvement={change.aiInvolvement}
                    />
                    <ApprovalBadge {...change} />
                  </div>
                </div>
                {canWrite ? (
                  <div className="shrink-0">
                    <LinkSuspectForm incidentId={incident.id} changeId={change.id} changeTitle={change.title} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
