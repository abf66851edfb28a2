import { RedeliverButton } from "@/components/admin/webhook-actions";
import { DeliveryStatusBadge, lastOutcome } from "@/components/admin/webhook-status";
import { formatDateTime } from "@/lib/domain/format";
import type { WebhookDelivery } from "@/lib/server/queries/webhooks/get-outbound-webhook";

/** Newest first; each row opens to its attempt log. */
export function DeliveryHistory({ deliveries, timeZone }: { deliveries: WebhookDelivery[]; timeZone: string }) {
  if (deliveries.length === 0)
    return (
      <p className="py-6 text-center text-sm text-slate-500">
        Nothing delivered yet. Send a test event to check the receiver.
      </p>
    );
  return (
    <ul aria-label="Delivery history" className="divide-y divide-slate-100">
      {deliveries.map((delivery) => (
        <li key={delivery.id} aria-label={`Delivery ${delivery.eventId}`} className="flex items-start gap-2 py-2">
          <details className="group min-w-0 flex-1">
            <summary className="grid cursor-pointer grid-cols-[0.75rem_5.5rem_minmax(0,1fr)_minmax(0,1fr)] items-center gap-3 text-sm md:grid-cols-[0.75rem_5.5rem_minmax(0,16rem)_minmax(0,1fr)_minmax(0,1fr)]">
              <span aria-hidden className="text-xs text-slate-400 transition-transform group-open:rotate-90">
                ▶
              </span>
              <DeliveryStatusBadge status={delivery.status} />
              <span className="truncate font-mono text-xs" title={delivery.eventId}>
                {delivery.event}
                <span className="block text-slate-500">{delivery.eventId}</span>
              </span>
              <span className="hidden text-xs text-slate-600 md:block">
                {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"} · {lastOutcome(delivery)}
              </span>
              <span className="text-xs text-slate-600">
                {delivery.status === "SUCCEEDED" && delivery.deliveredAt
                  ? `delivered ${formatDateTime(delivery.deliveredAt, timeZone)}`
                  : delivery.status === "PENDING"
                    ? `next attempt ${formatDateTime(delivery.nextAttemptAt, timeZone)}`
                    : `gave up · queued ${formatDateTime(delivery.createdAt, timeZone)}`}
              </span>
            </summary>
            <ol
              aria-label="Attempts"
              className="mt-2 ml-7 space-y-1 border-l border-slate-200 pl-4 text-xs text-slate-600"
            >
              {delivery.attemptLog.length === 0 ? <li>No attempt yet.</li> : null}
              {delivery.attemptLog.map((attempt, index) => (
                <li key={attempt.id}>
                  <span className="font-medium text-slate-800">#{index + 1}</span>{" "}
                  {formatDateTime(attempt.at, timeZone)} ·{" "}
                  <span
                    className={attempt.status !== null && attempt.status < 300 ? "text-emerald-700" : "text-red-700"}
                  >
                    {attempt.status !== null ? `HTTP ${attempt.status}` : "no response"}
                  </span>{" "}
                  · {attempt.durationMs} ms
                  {attempt.error ? <span className="text-red-700"> · {attempt.error}</span> : null}
                </li>
              ))}
            </ol>
          </details>
          {delivery.status === "FAILED" ? (
            <RedeliverButton deliveryId={delivery.id} eventId={delivery.eventId} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
