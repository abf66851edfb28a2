import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlastRadiusBadge, SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { formatDateTime, formatDuration } from "@/lib/domain/format";
import { incidentDurations } from "@/lib/domain/durations";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { getIncident } from "@/lib/server/queries/incidents/get-incident";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

function parseId(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: parseId(id) ? `INC-${id}` : "Incident" };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requirePageUser(`/incidents/${rawId}`);
  const id = parseId(rawId);
  const incident = id ? await getIncident(id) : null;
  if (!incident) notFound();
  const { declared } = await searchParams;
  const { timeZone } = await getOrgSettings();
  const durations = incidentDurations(incident, new Date());

  const facts: Array<[string, string]> = [
    ["Impact started", formatDateTime(incident.impactStartedAt, timeZone)],
    ["Detected", incident.detectedAt ? formatDateTime(incident.detectedAt, timeZone) : "—"],
    ["Mitigated", incident.mitigatedAt ? formatDateTime(incident.mitigatedAt, timeZone) : "—"],
    ["Resolved", incident.resolvedAt ? formatDateTime(incident.resolvedAt, timeZone) : "—"],
  ];
  const measures: Array<[string, number | null, boolean]> = [
    ["Time to detect", durations.toDetectMs, false],
    ["Time to mitigate", durations.toMitigateMs, durations.mitigateOngoing],
    ["Time to resolve", durations.toResolveMs, durations.resolveOngoing],
  ];

  return (
    <div className="space-y-6">
      {declared ? (
        <div role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
          Incident declared. Share this page with responders.
        </div>
      ) : null}
      <div>
        <Link href="/incidents" className="text-sm text-slate-500 hover:text-slate-800">← Incidents</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm text-slate-500">INC-{incident.id}</span>
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <BlastRadiusBadge level={incident.blastRadiusLevel} />
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{incident.title}</h1>
        {incident.summary ? <p className="mt-2 max-w-3xl text-slate-700">{incident.summary}</p> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="space-y-6 lg:col-span-2">
          <div className="grid grid-cols-3 gap-4">
            {measures.map(([label, ms, ongoing]) => (
              <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
                <div className="mt-1 text-2xl font-semibold tabular-nums">{ms === null ? "—" : formatDuration(ms)}</div>
                {ongoing ? <div className="text-xs text-red-600">still counting</div> : null}
              </div>
            ))}
          </div>
          <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 className="border-b border-slate-200 px-5 py-3 text-sm font-semibold">Timeline</h2>
            <ol className="divide-y divide-slate-100">
              {incident.timeline.map((event) => (
                <li key={event.id} className="flex gap-4 px-5 py-3 text-sm">
                  <time className="w-36 shrink-0 text-slate-500" dateTime={event.occurredAt.toISOString()}>
                    {formatDateTime(event.occurredAt, timeZone)}
                  </time>
                  <div>
                    <span className="font-medium">{event.author?.name ?? "Faultline"}</span>{" "}
                    <span className="text-slate-700">{event.body || event.kind.toLowerCase().replaceAll("_", " ")}</span>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <aside className="space-y-6">
          <dl className="rounded-lg bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
            <div className="flex justify-between py-1.5">
              <dt className="text-slate-500">Commander</dt>
              <dd className="font-medium">{incident.commander?.name ?? "Unassigned"}</dd>
            </div>
            <div className="flex justify-between py-1.5">
              <dt className="text-slate-500">Declared by</dt>
              <dd>{incident.declaredBy?.name ?? "Integration"}</dd>
            </div>
            {facts.map(([label, value]) => (
              <div key={label} className="flex justify-between py-1.5">
                <dt className="text-slate-500">{label}</dt>
                <dd className="tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="text-sm font-semibold">Affected services</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {incident.services.map(({ service }) => (
                <li key={service.id} className="flex justify-between">
                  <span>{service.name}</span>
                  <span className="text-slate-500">{service.team.name}</span>
                </li>
              ))}
            </ul>
          </div>
        </aside>
      </div>
    </div>
  );
}
