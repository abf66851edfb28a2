import type { Metadata } from "next";
import { HelpNav } from "@/components/help/help-nav";
import { BlastRadiusBadge } from "@/components/incidents/incident-badges";
import { BLAST_RADIUS_CRITERIA } from "@/lib/domain/blast-radius";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Definitions" };

const TERMS: Array<[string, string]> = [
  [
    "Week",
    "Starts on Monday 00:00 in the organisation's time zone; days likewise. Daylight-saving weeks are simply shorter or longer.",
  ],
  ["Incident's week", "The week (and day) in which its impact started."],
  ["Change's week", "The week in which it shipped. A change that has not shipped is in no week."],
  [
    "Failed change",
    "Linked to an incident as trigger or root cause, or rolled back. Contributing and suspected links do not make a change failed.",
  ],
  [
    "Change failure rate",
    "Failed changes ÷ shipped changes in the set. For a week: the changes that shipped that week, whenever the incident happened.",
  ],
  [
    "AI-linked incident",
    "At least one of its trigger or root-cause changes was AI-assisted. AI-linked share for a week = AI-linked incidents ÷ incidents of that week.",
  ],
  [
    "Duration (time to resolve)",
    "Resolved − impact started; while open it counts up to now. A week's median, p90 and percentiles use that week's resolved incidents.",
  ],
  [
    "Approval required",
    "The change is AI-assisted and its author's recorded level is one the approval policy in force names.",
  ],
  [
    "Compliant / shipped without approval / not shipped yet",
    "A required change that shipped with an approval given before it shipped is compliant; one that shipped without it (missing or rejected) was shipped without approval: a violation, counted in the week it shipped. One not shipped yet is in no week: either waiting for approval (the approvals queue) or approved, not shipped yet.",
  ],
];

export default async function DefinitionsPage() {
  await requirePageUser("/help/definitions");
  const { timeZone } = await getOrgSettings();
  return (
    <div className="max-w-4xl space-y-8">
      <HelpNav current="/help/definitions" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Definitions</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every number in Faultline follows these rules. This organisation&apos;s time zone is{" "}
          <strong>{timeZone}</strong>.
        </p>
      </div>
      <dl className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {TERMS.map(([term, meaning]) => (
          <div key={term} className="grid gap-1 px-5 py-4 sm:grid-cols-3 sm:gap-4">
            <dt className="text-sm font-semibold">{term}</dt>
            <dd className="text-sm text-slate-700 sm:col-span-2">{meaning}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="text-lg font-semibold">Blast radius</h2>
        <p className="mt-1 text-sm text-slate-600">
          The first rule that applies, from the top, sets the level; if none applies the level is{" "}
          <BlastRadiusBadge level="LOW" />. Impact duration runs from impact start to mitigation (or resolution) and
          counts once the incident is mitigated.
        </p>
        <table className="mt-4 min-w-full divide-y divide-slate-200 overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">
                Level
              </th>
              <th scope="col" className="px-4 py-2.5">
                When
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {BLAST_RADIUS_CRITERIA.map((criterion) => (
              <tr key={criterion.reason}>
                <td className="px-4 py-2.5">
                  <BlastRadiusBadge level={criterion.level} />
                </td>
                <td className="px-4 py-2.5 text-slate-700">{criterion.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
