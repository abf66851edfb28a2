import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { AuditTable } from "@/components/admin/audit-table";
import { EditUserForm, SetUserActiveButton } from "@/components/admin/user-forms";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listAuditEntries } from "@/lib/server/queries/audit/list-audit-entries";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";
import { getUserForAdmin } from "@/lib/server/queries/users/list-users";

export const metadata: Metadata = { title: "User" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageUser(`/admin/users/${id}`);
  if (!can(viewer.role, "users:manage")) forbidden();
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [user, teams, history, { timeZone }] = await Promise.all([
    getUserForAdmin(Number(id)),
    listTeamOptions(),
    listAuditEntries({ entityType: "User", entityId: id, limit: 100 }),
    getOrgSettings(),
  ]);
  if (!user) notFound();
  // A member of an archived team keeps it until moved; the picker still shows it for them.
  const teamChoices =
    user.team?.archivedAt && user.teamId
      ? [...teams, { id: user.teamId, name: `${user.team.name} (archived)` }]
      : teams;
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/users" />
      <div>
        <Link href="/admin/users" className="text-sm text-slate-500 hover:text-slate-800">
          ← All users
        </Link>
        <h2 className="mt-2 flex items-center gap-3 text-xl font-semibold">
          {user.name} {user.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {user.email} · created {formatDateTime(user.createdAt, timeZone)}
          {user.deactivatedAt ? ` · deactivated ${formatDateTime(user.deactivatedAt, timeZone)}` : ""}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Panel title="Role, level and team" className="lg:col-span-2">
          <EditUserForm
            user={{ id: user.id, name: user.name, role: user.role, level: user.level, teamId: user.teamId }}
            teams={teamChoices}
          />
          <p className="mt-4 text-xs text-slate-500">
            A level change applies to changes registered from now on; earlier changes keep the level and approval state
            they were registered with.
          </p>
        </Panel>
        <Panel title="Account">
          <p className="mb-4 text-sm text-slate-600">
            {user.active
              ? "Deactivating ends their sessions at once and stops sign-in. Their name stays on everything they did."
              : "Reactivating lets them sign in again with their password."}
          </p>
          {viewer.id === user.id && user.active ? (
            <p className="text-sm text-slate-500">You cannot deactivate your own account.</p>
          ) : (
            <SetUserActiveButton userId={user.id} active={user.active} name={user.name} />
          )}
        </Panel>
      </div>
      <section aria-label="History" className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-900">History</h2>
        <AuditTable entries={history} timeZone={timeZone} emptyText="No changes to this account yet." />
      </section>
    </div>
  );
}
