import type { Metadata } from "next";
import { ManagedListEditor } from "@/components/admin/managed-list-editor";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { listManagedLists } from "@/lib/server/queries/lists/list-managed-lists";

export const metadata: Metadata = { title: "Managed lists" };

export default async function ManagedListsPage() {
  const user = await requirePageUser("/admin/lists");
  if (!can(user.role, "lists:manage")) {
    return (
      <div className="mx-auto max-w-2xl rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold">Only admins manage these lists</h1>
        <p className="mt-2 text-sm text-slate-600">Ask an admin to add the capability, factor, region or AI tool you need.</p>
      </div>
    );
  }
  const lists = await listManagedLists();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Managed lists</h1>
        <p className="mt-1 text-sm text-slate-600">What incidents, reviews and changes pick from. Archiving hides an item from pickers; history keeps it.</p>
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
