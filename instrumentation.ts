// Next.js calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client's address for sign-in throttling (docs/decisions/015-sign-in-throttling.md).
  const { installPeerAddressHeader } = await import("@/lib/server/http/peer-address");
  installPeerAddressHeader();
  // Request ids, latency per route and access logs for every request (docs/operations.md).
  const { installRequestObserver } = await import("@/lib/server/observability/http-observer");
  installRequestObserver();
  const { prepareDatabase } = await import("@/lib/server/db/prepare");
  await prepareDatabase();
  const { startWebhookWorker } = await import("@/lib/server/services/webhooks/webhook-worker");
  startWebhookWorker();
}
