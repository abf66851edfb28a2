import { json } from "@/lib/server/api/api-route";
import { webhookRoute } from "@/lib/server/api/webhook-route";
import { receiveAlertmanagerDelivery } from "@/lib/server/services/integrations/receive-alertmanager-delivery";

export const dynamic = "force-dynamic";

/** Prometheus Alertmanager webhook_config receiver (docs/inbound-webhooks.md). */
export const POST = webhookRoute(
  { source: "alertmanager", kind: "ALERTMANAGER" },
  async ({ integration, payload, request }) =>
    json(
      await receiveAlertmanagerDelivery({ integration, payload, authorization: request.headers.get("authorization") }),
    ),
);
