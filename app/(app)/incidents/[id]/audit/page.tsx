import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listAuditEntries } from "@/lib/server/queries/audit/list-audit-entries";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Incident audit log" };

export default async function IncidentAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/incidents/${id}/audit`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  if (!can(user.role, "audit:read")) {
    forbidden();
  }
  const [entries, { timeZone }] = await Promise.all([
    listAuditEntries({ entityType: "Incident", entityId: id }),
    getOrgSettings(),
  ]);
  return (
    <div className="space-y-4">
      <Link href={`/incidents/${id}`} className="text-sm text-slate-500 hover:text-slate-800">
        ← INC-{id}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log of INC-{id}</h1>
      <AuditTable entries={entries} timeZone={timeZone} emptyText="No audit entries for this incident." />
    </div>
  );
}
