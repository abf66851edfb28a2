import type { Metadata } from "next";
import { AccessNotice } from "@/components/ui/access-notice";
import { DataTable } from "@/components/ui/table";
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
      <AccessNotice title="Only admins can read the audit log">
        Ask an admin if you need to know who changed this incident.
      </AccessNotice>
    );
  }
  const [entries, { timeZone }] = await Promise.all([listAuditEntries({ entityType: "Incident", entityId: id }), getOrgSettings()]);
  return (
    <div className="space-y-4">
      <Link href={`/incidents/${id}`} className="text-sm text-slate-500 hover:text-slate-800">← INC-{id}</Link>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log of INC-{id}</h1>
      <DataTable columns={["When", "Who", "What", "Before", "After"]}>
            {entries.length === 0 ? (
              <tr><td colSpan={5} className="px-4 py-10 text-center text-slate-500">No audit entries for this incident.</td></tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(entry.at, timeZone)}</td>
                  <td className="whitespace-nowrap px-4 py-3">{entry.actor?.name ?? entry.actorLabel ?? "System"}</td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.action}</td>
                  <td className="px-4 py-3"><Json value={entry.before} /></td>
                  <td className="px-4 py-3"><Json value={entry.after} /></td>
                </tr>
              ))
            )}
      </DataTable>
    </div>
  );
}
