import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionItemsPanel } from "@/components/incidents/detail/action-items-panel";
import { BlastRadiusPanel } from "@/components/incidents/detail/blast-radius-panel";
import { ChangesPanel } from "@/components/incidents/detail/changes-panel";
import { DetailsForm } from "@/components/incidents/detail/details-panel";
import { IncidentActions } from "@/components/incidents/detail/incident-actions";
import { LifecycleSteps } from "@/components/incidents/detail/lifecycle-steps";
import { ReviewPanel } from "@/components/incidents/detail/review-panel";
import { TimelinePanel } from "@/components/incidents/detail/timeline-panel";
import { SeverityBadge, StatusBadge, BlastRadiusBadge } from "@/components/incidents/incident-badges";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { assessBlastRadius, impactMinutes } from "@/lib/domain/blast-radius";
import { incidentDurations } from "@/lib/domain/durations";
import { showsReview } from "@/lib/domain/incident-lifecycle";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import { dayInZone } from "@/lib/domain/time-zone";
import { firstParam, type RawSearchParams } from "@/lib/schemas/search-params";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getIncident } from "@/lib/server/queries/incidents/get-incident";
import { listSuspectChanges, SUSPECT_WINDOWS_HOURS } from "@/lib/server/queries/incidents/list-suspect-changes";
import { listPickOptions } from "@/lib/server/queries/lists/list-pick-options";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

function parseId(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: parseId(id) ? `INC-${id}` : "Incident" };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePageUser(`/incidents/${rawId}`);
  const id = parseId(rawId);
  const incident = id ? await getIncident(id) : null;
  if (!incident) notFound();
  const query = await searchParams;
  const requestedWindow = Number(firstParam(query.window));
  const windowHours = (SUSPECT_WINDOWS_HOURS as readonly number[]).includes(requestedWindow) ? requestedWindow : 24;
  const [{ timeZone }, suspects, options, services] = await Promise.all([
    getOrgSettings(),
    listSuspectChanges({ incidentId: incident.id, windowHours }),
    listPickOptions(),
    listServiceOptions({ includeArchived: true }),
  ]);
  const now = new Date();
  const durations = incidentDurations(incident, now);
  const canUpdate = can(user.role, "incident:update");
  const canReview = can(user.role, "incident:review");
  const customerImpactPct = incident.customerImpactPct === null ? null : Number(incident.customerImpactPct);
  const blast = assessBlastRadius({
    services: incident.services.length,
    regions: incident.regions.length,
    capabilities: incident.capabilities.length,
    customerImpactPct,
    failedTransactions: incident.failedTransactions,
    impactMinutes: impactMinutes(incident.impactStartedAt, incident.mitigatedAt, incident.resolvedAt),
  });
  const { aiLinked, policyViolation: violation } = incident;
  // The review and action items belong after mitigation; started ones stay visible if the incident reopens.
  const reviewPhase =
    showsReview(incident) || incident.reviewStatus !== "NOT_STARTED" || incident.actionItems.length > 0;
  const sections: Array<[string, string]> = [
    ["overview", "Overview"],
    ["timeline", "Timeline"],
    ["changes", "Changes"],
    ...(reviewPhase
      ? ([
          ["review", "Review"],
          ["action-items", "Action items"],
        ] as Array<[string, string]>)
      : []),
  ];

  const stamps: Array<[string, Date | null]> = [
    ["Impact started", incident.impactStartedAt],
    ["Detected", incident.detectedAt],
    ["Mitigated", incident.mitigatedAt],
    ["Resolved", incident.resolvedAt],
  ];
  const measures: Array<[string, number | null, boolean]> = [
    ["Time to detect", durations.toDetectMs, false],
    ["Time to mitigate", durations.toMitigateMs, durations.mitigateOngoing],
    ["Time to resolve", durations.toResolveMs, durations.resolveOngoing],
  ];

  return (
    <div className="space-y-6">
      {query.declared ? (
        <div
          role="status"
          className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
        >
          Incident declared. Share this page with responders.
        </div>
      ) : null}
      <div>
        <div className="flex items-center justify-between gap-3">
          <Link href="/incidents" className="text-sm text-slate-500 hover:text-slate-800">
            ← Incidents
          </Link>
          {can(user.role, "audit:read") ? (
            <Link href={`/incidents/${incident.id}/audit`} className="text-sm text-slate-500 hover:text-slate-800">
              Audit log
            </Link>
          ) : null}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm text-slate-500">INC-{incident.id}</span>
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <BlastRadiusBadge level={incident.blastRadiusLevel} />
          {aiLinked ? <Badge tone="violet">AI-assisted origin</Badge> : null}
          {violation ? <Badge tone="red">Approval violation</Badge> : null}
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{incident.title}</h1>
        {incident.summary ? (
          <p className="mt-2 max-w-3xl whitespace-pre-line text-slate-700">{incident.summary}</p>
        ) : null}
      </div>

      <LifecycleSteps status={incident.status} />

      {canUpdate ? (
        <IncidentActions
          incidentId={incident.id}
          version={incident.version}
          status={incident.status}
          severity={incident.severity}
          title={incident.title}
          summary={incident.summary}
          commanderId={incident.commander?.id ?? null}
          userId={user.id}
        />
      ) : null}

      <nav aria-label="Sections" className="-mx-1 flex flex-wrap gap-1 text-sm">
        {sections.map(([anchor, label]) => (
          <a
            key={anchor}
            href={`#${anchor}`}
            className="rounded-md px-2.5 py-1 font-medium text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-100"
          >
            {label}
          </a>
        ))}
      </nav>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Panel title="Overview" id="overview">
            <div className="grid gap-2 sm:grid-cols-3 sm:gap-4">
              {measures.map(([label, ms, ongoing]) => (
                <div
                  key={label}
                  className="flex items-baseline justify-between gap-3 rounded-lg bg-slate-50 px-4 py-2.5 ring-1 ring-slate-200 sm:block sm:p-4"
                >
                  <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</div>
                  <div className="text-right sm:text-left">
                    <div className="text-lg font-semibold tabular-nums sm:mt-1 sm:text-2xl">
                      {ms === null ? "—" : formatDuration(ms)}
                    </div>
                    {ongoing ? <div className="text-xs text-red-700">still counting</div> : null}
                  </div>
                </div>
              ))}
            </div>
            <dl className="mt-4 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2">
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">Commander</dt>
                <dd className="font-medium">{incident.commander?.name ?? "Unassigned"}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">Declared by</dt>
                <dd>{incident.declaredBy?.name ?? "Integration"}</dd>
              </div>
              {stamps.map(([label, value]) => (
                <div key={label} className="flex justify-between gap-3">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="tabular-nums">{value ? formatDateTime(value, timeZone) : "—"}</dd>
                </div>
              ))}
            </dl>
            {canUpdate ? (
              <details className="mt-4 border-t border-slate-100 pt-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                  Edit title, summary or commander
                </summary>
                <div className="mt-3">
                  <DetailsForm
                    incidentId={incident.id}
                    version={incident.version}
                    title={incident.title}
                    summary={incident.summary}
                    commanderId={incident.commander?.id ?? null}
                    people={options.users}
                  />
                </div>
              </details>
            ) : null}
          </Panel>
          <TimelinePanel incidentId={incident.id} events={incident.timeline} timeZone={timeZone} canWrite={canUpdate} />
          <ChangesPanel
            incident={incident}
            suspects={suspects}
            windowHours={windowHours}
            timeZone={timeZone}
            canWrite={canUpdate}
          />
          {reviewPhase ? (
            <>
              <ReviewPanel
                incidentId={incident.id}
                version={incident.version}
                canWrite={canReview}
                factors={options.factors}
                review={{
                  status: incident.reviewStatus,
                  whatHappened: incident.reviewWhatHappened,
                  customerImpact: incident.reviewCustomerImpact,
                  rootCause: incident.reviewRootCause,
                  fiveWhys: incident.reviewFiveWhys,
                  lessons: incident.reviewLessons,
                  factorIds: incident.contributingFactors.map((f) => f.factor.id),
                }}
              />
              <ActionItemsPanel
                incidentId={incident.id}
                items={incident.actionItems}
                people={options.users}
                today={dayInZone(now, timeZone)}
                canWrite={canReview}
              />
            </>
          ) : (
            <p className="rounded-lg px-4 py-3 text-sm text-slate-600 ring-1 ring-dashed ring-slate-300">
              The post-incident review and its action items open once the incident is mitigated.
            </p>
          )}
        </div>

        <aside className="min-w-0 space-y-6">
          <BlastRadiusPanel
            incidentId={incident.id}
            version={incident.version}
            level={incident.blastRadiusLevel}
            reason={blast.reason}
            services={services.filter((s) => !s.archived || incident.services.some((own) => own.service.id === s.id))}
            regions={options.regions}
            capabilities={options.capabilities}
            selected={{
              serviceIds: incident.services.map((s) => s.service.id),
              regionIds: incident.regions.map((r) => r.region.id),
              capabilityIds: incident.capabilities.map((c) => c.capability.id),
            }}
            customerImpactPct={customerImpactPct}
            failedTransactions={incident.failedTransactions}
            canWrite={canUpdate}
          />
        </aside>
      </div>
    </div>
  );
}
