import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RegisterChangeForm } from "@/components/changes/register-change-form";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listPickOptions } from "@/lib/server/queries/lists/list-pick-options";
import { listServiceOptions } from "@/lib/server/queries/services/list-service-options";

export const metadata: Metadata = { title: "Register a change" };

export default async function NewChangePage() {
  const user = await requirePageUser("/changes/new");
  const canChooseAuthor = can(user.role, "change:register-for-others");
  if (!can(user.role, "change:register") && !canChooseAuthor) {
    forbidden();
  }
  const [services, options] = await Promise.all([listServiceOptions(), listPickOptions()]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Register a change</h1>
      <p className="mt-1 text-sm text-slate-600">
        Deploys, merged pull requests, config and flag changes. CI can do this through the API instead.
      </p>
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <RegisterChangeForm
          services={services}
          people={options.users}
          aiTools={options.aiTools}
          currentUserId={user.id}
          canChooseAuthor={canChooseAuthor}
        />
      </div>
    </div>
  );
}
