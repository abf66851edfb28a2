"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { deleteOutboundWebhookAction } from "@/lib/actions/webhooks/delete-outbound-webhook";
import { redeliverWebhookAction } from "@/lib/actions/webhooks/redeliver-webhook";
import { sendTestWebhookAction } from "@/lib/actions/webhooks/send-test-webhook";

export function SendTestButton({ webhookId }: { webhookId: number }) {
  return (
    <ActionForm
      action={sendTestWebhookAction}
      hidden={{ webhookId }}
      label="Send test event"
      className="flex flex-wrap items-center justify-end gap-3 [&>p]:py-1"
    >
      {({ pending }) => (
        <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
          Send test event
        </Button>
      )}
    </ActionForm>
  );
}

export function RedeliverButton({ deliveryId, eventId }: { deliveryId: number; eventId: string }) {
  return (
    <ActionForm action={redeliverWebhookAction} hidden={{ deliveryId }} label={`Redeliver ${eventId}`}>
      {({ pending }) => (
        <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs text-indigo-700">
          Redeliver
        </Button>
      )}
    </ActionForm>
  );
}

export function DeleteWebhookButton({ webhookId, name }: { webhookId: number; name: string }) {
  return (
    <details className="group">
      <summary className="cursor-pointer list-none text-sm font-medium text-red-700 hover:underline">
        Delete webhook…
      </summary>
      <ActionForm
        action={deleteOutboundWebhookAction}
        hidden={{ webhookId }}
        label={`Delete ${name}`}
        className="mt-3 space-y-2"
      >
        {({ pending }) => (
          <>
            <p className="text-sm text-slate-600">
              This also deletes its delivery history. To keep the history, untick “Active” instead.
            </p>
            <Button type="submit" variant="danger" disabled={pending}>
              Delete “{name}”
            </Button>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** Re-reads the page every few seconds while deliveries are still in flight. */
export function RefreshWhilePending({ pending, everyMs = 3000 }: { pending: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [pending, everyMs, router]);
  return null;
}
