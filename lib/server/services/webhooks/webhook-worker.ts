import "server-only";
import { pruneExpiredRecords } from "@/lib/server/services/housekeeping/prune-expired-records";
import { deliverDueWebhooks } from "./deliver-due-webhooks";

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; stopped: boolean };
const holder = globalThis as typeof globalThis & { __faultlineWebhookWorker?: WorkerState };

const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback);

/**
 * Polls for due deliveries every FAULTLINE_WEBHOOK_POLL_MS (2 s) in this process, and every
 * FAULTLINE_RETENTION_EVERY_MINUTES (10) prunes what has outlived its retention (deliveries,
 * rate-limit rows, idempotency keys). Every app instance may run one: claims in the database
 * keep them apart. The timer is unref'd, so it never keeps a process alive.
 * FAULTLINE_WEBHOOK_WORKER=off disables it.
 */
export function startWebhookWorker(env: NodeJS.ProcessEnv = process.env): void {
  if (env.FAULTLINE_WEBHOOK_WORKER === "off" || holder.__faultlineWebhookWorker) return;
  const pollMs = positive(env.FAULTLINE_WEBHOOK_POLL_MS, 2000);
  const pruneEveryMs = positive(env.FAULTLINE_RETENTION_EVERY_MINUTES, 10) * 60_000;
  const state: WorkerState = { stopped: false };
  holder.__faultlineWebhookWorker = state;
  let nextPruneAt = 0;
  let failures = 0;
  const work = async () => {
    let again = false;
    if (Date.now() >= nextPruneAt) {
      nextPruneAt = Date.now() + pruneEveryMs;
      await pruneExpiredRecords().catch((error) =>
        console.error("[faultline] retention clean-up:", error instanceof Error ? error.message : error),
      );
    }
    try {
      const report = await deliverDueWebhooks();
      again = report.claimed >= 20; // a full batch: more may be due, go on at once
      failures = 0;
    } catch (error) {
      // Database down or restarting: say so once in a while, keep polling.
      if (failures++ % 30 === 0)
        console.error("[faultline] webhook delivery worker:", error instanceof Error ? error.message : error);
    }
    schedule(again ? 0 : pollMs);
  };
  const schedule = (ms: number) => {
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      state.running = work();
    }, ms);
    state.timer.unref();
  };
  schedule(pollMs);
}

/** Stops this process's worker and waits for a round in progress (tests; a graceful shutdown). */
export async function stopWebhookWorker(): Promise<void> {
  const state = holder.__faultlineWebhookWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.running;
  delete holder.__faultlineWebhookWorker;
}
