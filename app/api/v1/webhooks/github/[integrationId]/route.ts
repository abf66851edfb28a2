import { json } from "@/lib/server/api/api-route";
import { webhookRoute } from "@/lib/server/api/webhook-route";
import { receiveGithubDelivery } from "@/lib/server/services/integrations/receive-github-delivery";

export const dynamic = "force-dynamic";

/** GitHub repository or organisation webhook (docs/inbound-webhooks.md): ignored events are a 202. */
export const POST = webhookRoute(
  { source: "github", kind: "GITHUB", event: (request) => request.headers.get("x-github-event") },
  async ({ integration, rawBody, payload, request }) => {
    const result = await receiveGithubDelivery({
      integration,
      rawBody,
      payload,
      signature: request.headers.get("x-hub-signature-256"),
      event: request.headers.get("x-github-event"),
      deliveryId: request.headers.get("x-github-delivery"),
    });
    return json(result, result.status === "ignored" ? 202 : 200);
  },
);
