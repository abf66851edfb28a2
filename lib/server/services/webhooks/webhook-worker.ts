import "server-only";
import { deliverDueWebhooks } from "./deliver-due-webhooks";

const holder = globalThis as typeof globalThis & { __faultlineWebhookWorker?: NodeJS.Timeout };

/**
 * Polls for due deliveries every FAULTLINE_WEBHOOK_POLL_MS (2 s) in this process. Every
 * app instance may run one: claims in the database keep them apart. The timer is unref'd,
 * so it never keeps a process alive. FAULTLINE_WEBHOOK_WORKER=off disables it.
 */
export function startWebhookWorker(env: NodeJS.ProcessEnv = process.env): void {
  if (env.FAULTLINE_WEBHOOK_WORKER === "off" || holder.__faultlineWebhookWorker) return;
  const pollMs = Number(env.FAULTLINE_WEBHOOK_POLL_MS) > 0 ? Number(env.FAULTLINE_WEBHOOK_POLL_MS) : 2000;
  let failures = 0;
  const tick = async () => {
    let again = false;
    try {
      const report = await deliverDueWebhooks();
      again = report.claimed >= 20; // a full batch: more may be due, go on at once
      failures = 0;
    } catch (error) {
      // Database down or restarting: say so once in a while, keep polling.
      if (failures++ % 30 === 0)
        console.error("[faultline] webhook delivery worker:", error instanceof Error ? error.message : error);
    }
    holder.__faultlineWebhookWorker = setTimeout(tick, again ? 0 : pollMs);
    holder.__faultlineWebhookWorker.unref();
  };
  holder.__faultlineWebhookWorker = setTimeout(tick, pollMs);
  holder.__faultlineWebhookWorker.unref();
}
