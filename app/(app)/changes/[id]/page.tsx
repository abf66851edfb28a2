import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttributionMismatchBadge, AttributionPanel } from "@/components/changes/attribution-panel";
import { AiBadge, ApprovalBadge, FailedBadge } from "@/components/changes/change-badges";
import { EditChangeForm } from "@/components/changes/edit-change-form";
import { LinkToIncidentForm } from "@/components/changes/link-to-incident-form";
import { MarkShippedForm } from "@/components/changes/mark-shipped-form";
import { RollbackForm } from "@/components/changes/rollback-form";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { canApproveChange, DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { DecideApprovalForm, RequestApprovalForm } from "@/components/approvals/approval-forms";
import { AI_INVOLVEMENT_LABELS, APPROVAL_STATE_LABELS, CHANGE_KIND_LABELS, LEVEL_LABELS } from "@/lib/domain/change";
import { isFailingRole, LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can, canEditChange } from "@/lib/server/permissions";
import { getApiAttribution } from "@/lib/server/queries/attribution/get-api-attribution";
import { getChange } from "@/lib/server/queries/changes/get-change";
import { listPickOptions } from "@/lib/server/queries/lists/list-pick-options";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Change #${id}` };
}

const REGISTERED_BANNER_MS = 15 * 60 * 1000;
const isFresh = (createdAt: Date) => Date.now() - createdAt.getTime() < REGISTERED_BANNER_MS;

export default async function ChangePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/changes/${id}`);
  const change = /^\d{1,9}$/.test(id) ? await getChange(Number(id)) : null;
  if (!change) notFound();
  // "?registered=1" is the registrant's own confirmation, right after the form: not for whoever
  // opens a shared link, and not for the registrant days later.
  const registrantId = change.registeredBy?.id ?? change.author?.id ?? null;
  const registered = Boolean((await searchParams).registered) && registrantId === user.id && isFresh(change.createdAt);
  const { timeZone } = await getOrgSettings();
  const canEdit = canEditChange(user, change.author?.id ?? null);
  const [attribution, services, options] = await Promise.all([
    getApiAttribution(change.id),
    canEdit ? listServiceOptions() : Promise.resolve([]),
    canEdit ? listPickOptions() : Promise.resolve(null),
  ]);
  const { failed, compliance } = change;
  const canDecide =
    change.approvalState === "PENDING" &&
    canApproveChange(
      { id: user.id, level: user.level, active: true },
      { authorId: change.author?.id ?? null },
      change.policy ?? DEFAULT_APPROVAL_POLICY,
    ).ok;
  const canRequest = change.approvalState === "REJECTED" && (change.author?.id === user.id || user.role === "ADMIN");

  const facts: Array<[string, React.ReactNode]> = [
    ["Kind", CHANGE_KIND_LABELS[change.kind]],
    ["Service", `${change.service.name} (${change.service.team.name})`],
    ["Repository", change.repository ?? "—"],
    ["Author", change.author ? `${change.author.name}` : "Unknown"],
    ...(change.registeredBy
      ? [
          ["Registered by", `${change.registeredBy.name} for ${change.author?.name ?? "an unknown author"}`] as [
            string,
            string,
          ],
        ]
      : []),
    ["Author level", change.authorLevel ? LEVEL_LABELS[change.authorLevel] : "Unknown"],
    ...(change.headSha
      ? [["Head commit", <code key="sha">{change.headSha.slice(0, 12)}</code>] as [string, React.ReactNode]]
      : []),
    ["Source", `${change.source}${change.externalId ? ` · ${change.externalId}` : ""}`],
    [
      "Link",
      change.externalUrl ? (
        <a href={change.externalUrl} className="text-indigo-600 underline" rel="noreferrer" target="_blank">
          {change.externalUrl}
        </a>
      ) : (
        "—"
      ),
    ],
    [
      "Shipped",
      change.shippedAt
        ? formatDateTime(change.shippedAt, timeZone)
        : change.abandonedAt
          ? `Never: closed without merging ${formatDateTime(change.abandonedAt, timeZone)}`
          : "Not shipped yet",
    ],
    ["Rolled back", change.rolledBackAt ? formatDateTime(change.rolledBackAt, timeZone) : "—"],
    ["Registered", formatDateTime(change.createdAt, timeZone)],
  ];

  return (
    <div className="space-y-6">
      {registered ? (
        <div
          role="status"
          className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
        >
          Change registered
          {change.approvalState === "PENDING" ? ": it needs a senior engineer's approval before it ships." : "."}
        </div>
      ) : null}
      <div>
        <Link href="/changes" className="text-sm text-slate-500 hover:text-slate-800">
          ← Changes
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm text-slate-500">#{change.id}</span>
          <AiBadge aiAssisted={change.aiAssisted} toolName={change.aiTool?.name} involvement={change.aiInvolvement} />
          <ApprovalBadge {...change} />
          <FailedBadge failed={failed} />
          <AttributionMismatchBadge attribution={attribution} />
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{change.title}</h1>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Panel title="Incidents linked to this change">
            {change.incidents.length === 0 ? (
              <p className="text-sm text-slate-500">Not linked to any incident.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {change.incidents.map(({ role, incident }) => (
                  <li key={incident.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone={isFailingRole(role) ? "red" : "slate"}>{LINK_ROLE_LABELS[role]}</Badge>
                      <Link href={`/incidents/${incident.id}`} className="font-medium hover:text-indigo-600">
                        INC-{incident.id} {incident.title}
                      </Link>
                    </div>
                    <div className="flex items-center gap-1.5">
                      <SeverityBadge severity={incident.severity} />
                      <StatusBadge status={incident.status} />
                      <BlastRadiusBadge level={incident.blastRadiusLevel} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {can(user.role, "incident:update") ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <LinkToIncidentForm changeId={change.id} />
              </div>
            ) : null}
            <p className="mt-4 text-xs text-slate-500">
              {failed
                ? "Counts as failed: it is the trigger or root cause of an incident, or it was rolled back."
                : "Does not count as failed: contributing and suspected links do not make a change failed."}
            </p>
          </Panel>
          <AttributionPanel attribution={attribution} timeZone={timeZone} />
          <Panel title="Approval">
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Required</dt>
                <dd className="font-medium">
                  {change.approvalRequired ? "Yes: AI-assisted, and the author's level needs approval" : "No"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">State</dt>
                <dd className="font-medium">{APPROVAL_STATE_LABELS[change.approvalState]}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Approver</dt>
                <dd>{change.approver?.name ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Decided</dt>
                <dd>{change.approvalDecidedAt ? formatDateTime(change.approvalDecidedAt, timeZone) : "—"}</dd>
              </div>
            </dl>
            {compliance === "VIOLATION" ? (
              <p className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
                Policy violation: this change shipped without the senior approval it needed.
              </p>
            ) : null}
            {canDecide ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <DecideApprovalForm changeId={change.id} title={change.title} version={change.version} />
              </div>
            ) : null}
            {canRequest ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <RequestApprovalForm changeId={change.id} title={change.title} />
              </div>
            ) : null}
            {change.approvalState === "PENDING" && !canDecide ? (
              <p className="mt-4 text-xs text-slate-500">
                {change.author?.id === user.id
                  ? "You wrote this change: a senior engineer other than you approves it."
                  : "Only an approving-level engineer other than the author can approve it."}
              </p>
            ) : null}
            {change.decisions.length > 0 ? (
              <ol className="mt-4 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-600">
                {change.decisions.map((d) => (
                  <li key={d.id}>
                    {formatDateTime(d.createdAt, timeZone)} · {d.actor.name} · {d.decision.toLowerCase()}
                    {d.comment ? `: ${d.comment}` : ""}
                  </li>
                ))}
              </ol>
            ) : null}
          </Panel>
        </div>
        <aside className="min-w-0 space-y-6">
          <Panel title="Details">
            <dl className="space-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="flex justify-between gap-4">
                  <dt className="shrink-0 text-slate-500">{label}</dt>
                  <dd className="min-w-0 truncate text-right">{value}</dd>
                </div>
              ))}
              {change.aiAssisted ? (
                <div className="flex justify-between gap-4">
                  <dt className="text-slate-500">AI</dt>
                  <dd className="text-right">
                    {change.aiTool?.name ?? "Unknown tool"}
                    {change.aiInvolvement ? `, ${AI_INVOLVEMENT_LABELS[change.aiInvolvement].toLowerCase()}` : ""}
                  </dd>
                </div>
              ) : null}
              {change.aiDetectedBy ? (
                <div className="flex justify-between gap-4">
                  <dt className="shrink-0 text-slate-500">Detected by</dt>
                  <dd className="min-w-0 truncate text-right font-mono text-xs">{change.aiDetectedBy}</dd>
                </div>
              ) : null}
            </dl>
          </Panel>
          {canEdit && !change.shippedAt && !change.abandonedAt ? (
            <Panel title="Ship">
              <p className="mb-3 text-xs text-slate-500">
                {change.approvalState === "PENDING"
                  ? "It is still waiting for approval: shipping it now counts as shipped without approval."
                  : "Record when it reached production."}
              </p>
              <MarkShippedForm changeId={change.id} version={change.version} />
            </Panel>
          ) : null}
          {canEdit ? (
            <Panel title="Edit change">
              <EditChangeForm
                change={{
                  id: change.id,
                  version: change.version,
                  kind: change.kind,
                  title: change.title,
                  serviceId: change.service.id,
                  repository: change.repository,
                  externalUrl: change.externalUrl,
                  aiAssisted: change.aiAssisted,
                  aiToolId: change.aiTool?.id ?? null,
                  aiInvolvement: change.aiInvolvement,
                }}
                services={
                  services.some((s) => s.id === change.service.id)
                    ? services
                    : [
                        { id: change.service.id, name: change.service.name, teamName: change.service.team.name },
                        ...services,
                      ]
                }
                aiTools={options?.aiTools ?? []}
              />
            </Panel>
          ) : null}
          {can(user.role, "change:register") && change.shippedAt ? (
            <Panel title="Rollback">
              <RollbackForm changeId={change.id} rolledBack={change.rolledBackAt !== null} />
            </Panel>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
