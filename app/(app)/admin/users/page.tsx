import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/admin-header";
import { CreateUserForm } from "@/components/admin/user-forms";
import { UserFilterBar } from "@/components/admin/user-filter-bar";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { formatDateTime } from "@/lib/domain/format";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { RawSearchParams } from "@/lib/schemas/search-params";
import { parseUserFilters } from "@/lib/schemas/user-filters";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";
import { listUsers, USER_LIST_LIMIT } from "@/lib/server/queries/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser("/admin/users");
  if (!can(user.role, "users:manage")) forbidden();
  const filters = parseUserFilters(await searchParams);
  const [users, teams, { timeZone }] = await Promise.all([listUsers(filters), listTeamOptions(), getOrgSettings()]);
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/users" />
      <Panel title="New user">
        <CreateUserForm teams={teams} />
      </Panel>
      <UserFilterBar filters={filters} />
      <DataTable columns={["Name", "Email", "Role", "Level", "Team", "Status", "Created"]}>
        {users.length === 0 ? (
          <tr>
            <td colSpan={7} className="px-4 py-10 text-center text-slate-500">
              No user matches these filters.
            </td>
          </tr>
        ) : (
          users.map((u) => (
            <tr key={u.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-3">
                <Link href={`/admin/users/${u.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                  {u.name}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-600">{u.email}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {u.role === "ADMIN" ? <Badge tone="violet">Admin</Badge> : ROLE_LABELS[u.role]}
              </td>
              <td className="whitespace-nowrap px-4 py-3">{LEVEL_LABELS[u.level]}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{u.team?.name ?? "—"}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {u.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(u.createdAt, timeZone)}</td>
            </tr>
          ))
        )}
      </DataTable>
      {users.length === USER_LIST_LIMIT ? (
        <p className="text-sm text-slate-500">
          Showing the first {USER_LIST_LIMIT} by name: narrow the filters to find someone else.
        </p>
      ) : null}
    </div>
  );
}
