// Next.js calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/server/db/prepare");
  await prepareDatabase();
  const { startWebhookWorker } = await import("@/lib/server/services/webhooks/webhook-worker");
  startWebhookWorker();
}
