import type { Metadata } from "next";
import { AccessNotice } from "@/components/ui/access-notice";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function NewIncidentPage() {
  const user = await requirePageUser("/incidents/new");
  if (!can(user.role, "incident:declare")) {
    return (
      <AccessNotice title="You cannot declare incidents">
        Your role ({user.role.toLowerCase()}) can read incidents but not declare them. Ask an on-call engineer, or an
        admin to change your role.
      </AccessNotice>
    );
  }
  const services = await listServiceOptions();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">Declare an incident</h1>
      <p className="mt-1 text-sm text-slate-600">
        Only what you know now. Timeline, blast radius and the changes behind it can follow.
      </p>
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <DeclareIncidentForm services={services} />
      </div>
    </div>
  );
}
