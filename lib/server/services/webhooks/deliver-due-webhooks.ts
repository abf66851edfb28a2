import "server-only";
import {
  classifyAttempt,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  nextAttemptDelayMs,
  parseRetryAfterMs,
} from "@/lib/domain/webhook-retry";
import { getDb } from "@/lib/server/db";
import { signatureHeader } from "./sign-payload";

export type DeliveryOptions = {
  /** Deliveries claimed per call. */
  limit?: number;
  backoffBaseMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  /** How long a claim lasts; a worker that dies mid-delivery frees its rows after this. */
  claimMs?: number;
};

export type DeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number };

type Claimed = {
  id: number;
  event: string;
  eventId: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
};

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Sends every due PENDING delivery once. Safe to run in any number of processes at once:
 * rows are claimed with FOR UPDATE SKIP LOCKED and a lease (`lockedUntil`), so two workers
 * never claim the same delivery, and only the worker holding a claim can record its outcome.
 */
export async function deliverDueWebhooks(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const settings = {
    limit: options.limit ?? 20,
    backoffBaseMs: options.backoffBaseMs ?? envNumber("FAULTLINE_WEBHOOK_BACKOFF_MS", DEFAULT_BACKOFF_BASE_MS),
    maxAttempts: options.maxAttempts ?? envNumber("FAULTLINE_WEBHOOK_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS),
    timeoutMs: options.timeoutMs ?? 10_000,
    claimMs: options.claimMs ?? 60_000,
  };
  const claimed = await claimDueDeliveries(settings.limit, settings.claimMs);
  const outcomes = await Promise.all(claimed.map((delivery) => deliverOne(delivery, settings)));
  return {
    claimed: claimed.length,
    delivered: outcomes.filter((o) => o === "delivered").length,
    retrying: outcomes.filter((o) => o === "retry").length,
    failed: outcomes.filter((o) => o === "give-up").length,
  };
}

async function claimDueDeliveries(limit: number, claimMs: number): Promise<Claimed[]> {
  // One statement: pick due rows of active webhooks (test pings go to inactive ones too), skip rows another worker is locking,
  // and stamp a lease so that they stay ours after the statement's row locks are gone.
  return getDb().$queryRaw<Claimed[]>`
    UPDATE "OutboundDelivery" AS d
       SET "lockedUntil" = now() + make_interval(secs => ${claimMs / 1000}::float8)
      FROM "OutboundWebhook" AS w
     WHERE w.id = d."webhookId"
       AND d.id IN (
         SELECT due.id FROM "OutboundDelivery" AS due
           JOIN "OutboundWebhook" AS hook ON hook.id = due."webhookId" AND (hook.active OR due.event = 'ping')
          WHERE due.status = 'PENDING' AND due."nextAttemptAt" <= now()
            AND (due."lockedUntil" IS NULL OR due."lockedUntil" < now())
          ORDER BY due."nextAttemptAt", due.id
          LIMIT ${limit}
          FOR UPDATE OF due SKIP LOCKED)
    RETURNING d.id, d.event, d."eventId", d.payload, d.attempts, w.url, w.secret`;
}

type Result = { status: number; retryAfter: string | null } | { error: string };

async function post(delivery: Claimed, timeoutMs: number): Promise<Result> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Faultline-Webhooks/1",
        "x-faultline-event": delivery.event,
        "x-faultline-delivery": delivery.eventId,
        "x-faultline-timestamp": String(timestamp),
        "x-faultline-signature": signatureHeader(delivery.secret, timestamp, body),
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { error: describeFetchError(error, timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `No answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && "code" in cause ? String(cause.code) : null;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 500);
}

async function deliverOne(
  delivery: Claimed,
  settings: Required<DeliveryOptions>,
): Promise<"delivered" | "retry" | "give-up"> {
  const started = Date.now();
  const result = await post(delivery, settings.timeoutMs);
  const durationMs = Date.now() - started;
  const now = new Date();
  const attempt = delivery.attempts + 1;
  let outcome = classifyAttempt(result);
  if (outcome.kind === "retry" && attempt >= settings.maxAttempts)
    outcome = {
      kind: "give-up",
      reason: `Gave up after ${attempt} attempts${outcome.reason ? `: ${outcome.reason}` : ""}`,
    };
  const status = "status" in result ? result.status : null;
  const error = outcome.kind === "delivered" ? null : outcome.reason;
  const retryAfterMs = "status" in result ? parseRetryAfterMs(result.retryAfter, now) : null;
  const nextAttemptAt =
    outcome.kind === "retry"
      ? new Date(now.getTime() + nextAttemptDelayMs({ attempt, baseMs: settings.backoffBaseMs, retryAfterMs }))
      : undefined;

  await getDb().$transaction(async (tx) => {
    // Only the holder of the claim records the outcome (attempts has not moved since we claimed it).
    const updated = await tx.outboundDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
      data: {
        attempts: attempt,
        lastStatus: status,
        lastError: error,
        lockedUntil: null,
        ...(outcome.kind === "delivered"
          ? { status: "SUCCEEDED", deliveredAt: now }
          : outcome.kind === "give-up"
            ? { status: "FAILED" }
            : { nextAttemptAt }),
      },
    });
    if (updated.count === 1)
      await tx.outboundDeliveryAttempt.create({
        data: { deliveryId: delivery.id, at: new Date(started), status, error, durationMs },
      });
  });
  return outcome.kind;
}
