import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listAuditEntries } from "@/lib/server/queries/audit/list-audit-entries";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Incident audit log" };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  return <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs text-slate-700">{JSON.stringify(value, null, 1)}</pre>;
}

export default async function IncidentAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/incidents/${id}/audit`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  if (!can(user.role, "audit:read")) {
    return (
      <div className="mx-auto max-w-2xl rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Only admins can read the audit log</h1>
        <p className="mt-2 text-sm text-slate-600">Ask an admin if you need to know who changed this incident.</p>
      </div>
    );
  }
  const [entries, { timeZone }] = await Promise.all([listAuditEntries({ entityType: "Incident", entityId: id }), getOrgSettings()]);
  return (
    <div className="space-y-4">
      <Link href={`/incidents/${id}`} className="text-sm text-slate-500 hover:text-slate-800">← INC-{id}</Link>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log of INC-{id}</h1>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">When</th>
              <th scope="col" className="px-4 py-3">Who</th>
              <th scope="col" className="px-4 py-3">What</th>
              <th scope="col" className="px-4 py-3">Before</th>
              <th scope="col" className="px-4 py-3">After</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {entries.length === 0 ? (
              <tr><td colSpan={5} className="px-4 py-10 text-center text-slate-500">No audit entries for this incident.</td></tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(entry.at, timeZone)}</td>
                  <td className="whitespace-nowrap px-4 py-3">{entry.actor?.name ?? entry.actorLabel ?? "System"}</td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.action}</td>
                  <td className="px-4 py-3"><Json value={entry.before} /></td>
                  <td className="px-4 py-3"><Json value={entry.after} /></td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
