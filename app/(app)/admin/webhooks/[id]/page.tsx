import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { DeliveryHistory } from "@/components/admin/webhook-delivery-history";
import { DeleteWebhookButton, RefreshWhilePending, SendTestButton } from "@/components/admin/webhook-actions";
import { EditWebhookForm, RotateSecretForm } from "@/components/admin/webhook-forms";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { getOutboundWebhook } from "@/lib/server/queries/webhooks/get-outbound-webhook";

export const metadata: Metadata = { title: "Outbound webhook" };

export default async function OutboundWebhookPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { id } = await props.params;
  const { before } = await props.searchParams;
  const user = await requirePageUser(`/admin/webhooks/${id}`);
  if (!can(user.role, "integrations:manage")) forbidden();
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [found, { timeZone }] = await Promise.all([
    getOutboundWebhook({ id: Number(id), before: before && /^\d{1,9}$/.test(before) ? Number(before) : undefined }),
    getOrgSettings(),
  ]);
  if (!found) notFound();
  const { hook, deliveries, olderThan, inFlight } = found;
  const slack = hook.kind === "SLACK";
  const home = slack ? "/admin/slack" : "/admin/webhooks";
  return (
    <div className="space-y-6">
      <AdminHeader current={home} />
      <div className="flex flex-wrap items-center gap-3">
        <Link href={home} className="text-sm text-slate-600 hover:text-slate-900">
          {slack ? "← Slack destinations" : "← Outbound webhooks"}
        </Link>
        <h2 className="text-xl font-semibold">{hook.name}</h2>
        {hook.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}
      </div>
      <RefreshWhilePending pending={inFlight} />
      <Panel title="Deliveries" actions={<SendTestButton webhookId={hook.id} />}>
        <DeliveryHistory deliveries={deliveries} timeZone={timeZone} />
        {olderThan || before ? (
          <div className="mt-4 flex gap-4 text-sm">
            {before ? (
              <Link href={`/admin/webhooks/${hook.id}`} className="text-indigo-700 hover:underline">
                ← Newest
              </Link>
            ) : null}
            {olderThan ? (
              <Link href={`/admin/webhooks/${hook.id}?before=${olderThan}`} className="text-indigo-700 hover:underline">
                Older deliveries →
              </Link>
            ) : null}
          </div>
        ) : null}
      </Panel>
      <div className="grid gap-6 xl:grid-cols-3">
        <Panel title="Settings" className="xl:col-span-2">
          <EditWebhookForm hook={hook} />
        </Panel>
        <div className="space-y-6">
          {slack ? null : (
            <Panel title="Signing secret">
              <RotateSecretForm webhookId={hook.id} />
            </Panel>
          )}
          <Panel title="Danger zone">
            <DeleteWebhookButton webhookId={hook.id} name={hook.name} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
