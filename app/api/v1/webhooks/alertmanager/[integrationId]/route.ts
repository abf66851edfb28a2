import { receiveAlertmanagerDelivery } from "@/lib/server/services/integrations/receive-alertmanager-delivery";
import { handleWebhook } from "@/lib/server/services/integrations/webhook-request";

export const dynamic = "force-dynamic";

/** Prometheus Alertmanager webhook_config receiver (docs/inbound-webhooks.md). */
export async function POST(request: Request, { params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  return handleWebhook(
    request,
    { source: "alertmanager", kind: "ALERTMANAGER", integrationId, event: null },
    (context) => receiveAlertmanagerDelivery(context, request.headers),
  );
}
