import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listPickOptions } from "@/lib/server/queries/lists/list-pick-options";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";
import { listTeamOptions } from "@/lib/server/queries/teams/list-team-options";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function NewIncidentPage() {
  const user = await requirePageUser("/incidents/new");
  if (!can(user.role, "incident:declare")) forbidden();
  const [services, picks, teams] = await Promise.all([listServiceOptions(), listPickOptions(), listTeamOptions()]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">Declare an incident</h1>
      <p className="mt-1 text-sm text-slate-600">
        Only what you know now. Timeline, blast radius and the changes behind it can follow.
      </p>
      <div className="mt-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <DeclareIncidentForm
          options={{
            services,
            people: picks.users,
            teams,
            regions: picks.regions,
            capabilities: picks.capabilities,
            me: user.id,
          }}
        />
      </div>
    </div>
  );
}
