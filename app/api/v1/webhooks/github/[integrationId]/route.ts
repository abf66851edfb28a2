import { receiveGithubDelivery } from "@/lib/server/services/integrations/receive-github-delivery";
import { handleWebhook } from "@/lib/server/services/integrations/webhook-request";

export const dynamic = "force-dynamic";

/** GitHub repository or organisation webhook (docs/inbound-webhooks.md). */
export async function POST(request: Request, { params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  return handleWebhook(
    request,
    { source: "github", kind: "GITHUB", integrationId, event: request.headers.get("x-github-event") },
    (context) => receiveGithubDelivery(context, request.headers),
  );
}
