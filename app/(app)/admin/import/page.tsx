import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { CsvImportForm } from "@/components/imports/csv-import-form";
import { RemoveDemoDataForm } from "@/components/imports/remove-demo-data-form";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { countDemoRows } from "@/lib/server/queries/demo/count-demo-rows";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const user = await requirePageUser("/admin/import");
  if (!can(user.role, "settings:manage")) forbidden();
  const demo = await countDemoRows();
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/import" />
      <Panel title="Import history from a CSV file">
        <p className="mb-4 text-sm text-slate-600">
          A PagerDuty incident export, or Faultline&apos;s own incidents.csv or changes.csv (from a weekly report).
          Services are matched by name; create them under Teams &amp; services first. The preview writes nothing; the
          import takes the whole file or nothing, and importing the same file again changes nothing. For larger
          histories use the API with an <code>import</code> token (README, “Start for real”).
        </p>
        <CsvImportForm />
      </Panel>
      <Panel title="Demo data">
        <RemoveDemoDataForm
          hasDemo={demo.incidents + demo.changes + demo.users > 0}
          summary={
            demo.incidents + demo.changes + demo.users > 0
              ? `This organisation still holds the demo organisation: ${demo.incidents} incident(s), ${demo.changes} change(s) and ${demo.users} demo sign-in(s). Removing deletes them with their links, timelines and audit rows and rebuilds the statistics; your own incidents and changes stay.`
              : "There is no demo data in this organisation."
          }
        />
      </Panel>
    </div>
  );
}
