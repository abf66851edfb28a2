import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateSlackForm } from "@/components/admin/slack-forms";
import { WebhookTable } from "@/components/admin/webhook-table";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listOutboundWebhooks } from "@/lib/server/queries/webhooks/list-outbound-webhooks";

export const metadata: Metadata = { title: "Slack" };

export default async function SlackDestinationsPage() {
  const user = await requirePageUser("/admin/slack");
  if (!can(user.role, "integrations:manage")) forbidden();
  const [hooks, { timeZone }] = await Promise.all([listOutboundWebhooks("SLACK"), getOrgSettings()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <div className="mt-4">
          <AdminNav current="/admin/slack" />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          Faultline posts Block Kit messages to these Slack incoming webhooks when the chosen events happen (create one
          in Slack under Apps → Incoming Webhooks). Each URL is a credential: it is stored encrypted and shown masked.
        </p>
      </div>
      <WebhookTable
        hooks={hooks}
        timeZone={timeZone}
        noun="Destination"
        empty="No Slack destinations yet. Add one below."
      />
      <Panel title="Add a Slack destination">
        <CreateSlackForm />
      </Panel>
    </div>
  );
}
