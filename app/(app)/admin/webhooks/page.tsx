import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateWebhookForm } from "@/components/admin/webhook-forms";
import { DeliveryStatusBadge, lastOutcome } from "@/components/admin/webhook-status";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { OUTBOUND_EVENT_LABELS, type OutboundEvent } from "@/lib/domain/outbound-events";
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
      <DataTable columns={["Webhook", "Events", "Status", "Last delivery", "Queue"]}>
        {hooks.length === 0 ? (
          <tr>
            <td colSpan={5} className="px-4 py-10 text-center text-slate-500">
              No outbound webhooks yet. Register one below.
            </td>
          </tr>
        ) : (
          hooks.map((hook) => (
            <tr key={hook.id}>
              <td className="max-w-72 px-4 py-3">
                <Link href={`/admin/webhooks/${hook.id}`} className="font-medium text-indigo-700 hover:underline">
                  {hook.name}
                </Link>
                <p className="truncate font-mono text-xs text-slate-500" title={hook.url}>
                  {hook.url}
                </p>
              </td>
              <td className="px-4 py-3">
                <ul className="space-y-0.5 text-xs text-slate-700">
                  {hook.events.map((event) => (
                    <li key={event}>{OUTBOUND_EVENT_LABELS[event as OutboundEvent] ?? event}</li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3">
                {hook.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}
              </td>
              <td className="px-4 py-3 text-xs text-slate-600">
                {hook.last ? (
                  <div className="space-y-1">
                    <div className="flex items-center gap-2">
                      <DeliveryStatusBadge status={hook.last.status} />
                      <span className="font-mono">{hook.last.event}</span>
                    </div>
                    <p>
                      {formatDateTime(hook.last.deliveredAt ?? hook.last.createdAt, timeZone)} ·{" "}
                      {lastOutcome(hook.last)}
                    </p>
                  </div>
                ) : (
                  "none yet"
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-xs text-slate-600">
                {hook.pending} pending
                {hook.failed > 0 ? <span className="text-red-700"> · {hook.failed} failed</span> : null}
              </td>
            </tr>
          ))
        )}
      </DataTable>
      <Panel title="Register a webhook">
        <CreateWebhookForm />
      </Panel>
    </div>
  );
}
