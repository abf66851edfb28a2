import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ManagedListEditor } from "@/components/admin/managed-list-editor";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listManagedLists } from "@/lib/server/queries/lists/list-managed-lists";

export const metadata: Metadata = { title: "Managed lists" };

export default async function ManagedListsPage() {
  const user = await requirePageUser("/admin/lists");
  if (!can(user.role, "lists:manage")) {
    forbidden();
  }
  const lists = await listManagedLists();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <div className="mt-4">
          <AdminNav current="/admin/lists" />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          What incidents, reviews and changes pick from. Archiving hides an item from pickers; history keeps it.
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <ManagedListEditor list="capabilities" items={lists.capabilities} />
        <ManagedListEditor list="factors" items={lists.factors} />
        <ManagedListEditor list="regions" items={lists.regions} />
        <ManagedListEditor list="aiTools" items={lists.aiTools} />
      </div>
    </div>
  );
}
