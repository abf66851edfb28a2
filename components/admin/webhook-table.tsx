import Link from "next/link";
import { DeliveryStatusBadge, lastOutcome } from "@/components/admin/webhook-status";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { OUTBOUND_EVENT_LABELS, type OutboundEvent } from "@/lib/domain/outbound-events";
import type { listOutboundWebhooks } from "@/lib/server/queries/webhooks/list-outbound-webhooks";

/** The list of outbound webhooks or Slack destinations, with their latest outcome and queue. */
export function WebhookTable({
  hooks,
  timeZone,
  noun,
  empty,
}: {
  hooks: Awaited<ReturnType<typeof listOutboundWebhooks>>;
  timeZone: string;
  noun: string;
  empty: string;
}) {
  return (
    <DataTable columns={[noun, "Events", "Status", "Last delivery", "Queue"]}>
      {hooks.length === 0 ? (
        <tr>
          <td colSpan={5} className="px-4 py-10 text-center text-slate-500">
            {empty}
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
                    {formatDateTime(hook.last.deliveredAt ?? hook.last.createdAt, timeZone)} · {lastOutcome(hook.last)}
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
  );
}
