import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { CreateServiceForm, CreateTeamForm, TeamEditor } from "@/components/admin/team-forms";
import { EmptyState } from "@/components/ui/table";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listTeamsForAdmin } from "@/lib/server/queries/teams/list-teams-for-admin";

export const metadata: Metadata = { title: "Teams & services" };

export default async function AdminTeamsPage() {
  const user = await requirePageUser("/admin/teams");
  if (!can(user.role, "teams:manage")) forbidden();
  const teams = await listTeamsForAdmin();
  const openTeams = teams.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name }));
  return (
    <div className="space-y-6">
      <AdminHeader
        current="/admin/teams"
        intro="Archived teams and services leave the pickers for new incidents and changes; everything already recorded keeps them, and list filters still find them. Archive a team's services (or move them) before the team."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Panel title="New team">
          <CreateTeamForm />
        </Panel>
        <Panel title="New service">
          <CreateServiceForm teams={openTeams} />
        </Panel>
      </div>
      {teams.length === 0 ? (
        <EmptyState>No teams yet: create the first one above.</EmptyState>
      ) : (
        teams.map((team) => <TeamEditor key={team.id} team={team} teams={openTeams} />)
      )}
    </div>
  );
}
