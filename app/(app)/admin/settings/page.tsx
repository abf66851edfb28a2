import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/admin-header";
import { OrgSettingsForm } from "@/components/admin/org-settings-form";
import { Panel } from "@/components/ui/panel";
import { listTimeZones } from "@/lib/domain/time-zone";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettingsForAdmin } from "@/lib/server/queries/settings/get-org-settings-for-admin";
import { getSignInSettings } from "@/lib/server/queries/settings/get-sign-in-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/admin/settings");
  if (!can(user.role, "settings:manage")) forbidden();
  const [settings, { sso }] = await Promise.all([getOrgSettingsForAdmin(), getSignInSettings()]);
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/settings" />
      <Panel title="Settings">
        <OrgSettingsForm
          settings={{
            name: settings.name,
            timeZone: settings.timeZone,
            passwordSignInEnabled: settings.passwordSignInEnabled,
            ssoDefaultRole: settings.ssoDefaultRole,
            ssoDefaultLevel: settings.ssoDefaultLevel,
          }}
          timeZones={listTimeZones()}
          sso={sso}
        />
      </Panel>
      <Panel title="Approval policy">
        <p className="text-sm text-slate-600">
          Which changes need a second pair of eyes, and who may approve them, is set on the{" "}
          <Link href="/admin/policy" className="font-medium text-indigo-600 hover:text-indigo-500">
            approval policy
          </Link>{" "}
          page.
        </p>
      </Panel>
    </div>
  );
}
