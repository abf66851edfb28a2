import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateWebhookForm } from "@/components/admin/webhook-forms";
import { WebhookTable } from "@/components/admin/webhook-table";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listOutboundWebhooks } from "@/lib/server/queries/webhooks/list-outbound-webhooks";

export const metadata: Metadata = { title: "Outbound webhooks" };

export default async function OutboundWebhooksPage() {
  const user = await requirePageUser("/admin/webhooks");
  if (!can(user.role, "integrations:manage")) forbidden();
  const [hooks, { timeZone }] = await Promise.all([listOutboundWebhooks(), getOrgSettings()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <div className="mt-4">
          <AdminNav current="/admin/webhooks" />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          Faultline POSTs signed JSON to these URLs when the chosen events happen, and retries with backoff when the
          receiver is down.
        </p>
      </div>
      <WebhookTable
        hooks={hooks}
        timeZone={timeZone}
        noun="Webhook"
        empty="No outbound webhooks yet. Register one below."
      />
      <Panel title="Register a webhook">
        <CreateWebhookForm />
      </Panel>
    </div>
  );
}
