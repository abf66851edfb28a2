import "server-only";
import {
  classifyAttempt,
  classifySmtpAttempt,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  nextAttemptDelayMs,
  parseRetryAfterMs,
} from "@/lib/domain/webhook-retry";
import { getDb } from "@/lib/server/db";
import { openSecret } from "@/lib/server/crypto/secret-box";
import { sendEmailDelivery } from "@/lib/server/services/email/send-email-delivery";
import { slackMessage } from "@/lib/notifications/slack-message";
import type { OutboundPayload } from "@/lib/notifications/outbound-payloads";
import type { CommitStatusPayload } from "@/lib/server/services/integrations/queue-commit-status";
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
  /** An outbound webhook's address and signing key; null for an integration's delivery. */
  url: string | null;
  secret: string | null;
  /** WEBHOOK (signed JSON) or SLACK (Block Kit to the sealed URL in `secret`). */
  kind: "WEBHOOK" | "SLACK" | null;
  /** An email delivery: the one recipient. */
  emailTo: string | null;
  /** An integration's delivery (a GitHub commit status): its sealed token. */
  integrationId: number | null;
  statusToken: string | null;
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
    WITH claimed AS (
      UPDATE "OutboundDelivery" AS d
         SET "lockedUntil" = now() + make_interval(secs => ${claimMs / 1000}::float8)
       WHERE d.id IN (
           SELECT due.id FROM "OutboundDelivery" AS due
             LEFT JOIN "OutboundWebhook" AS hook ON hook.id = due."webhookId"
             LEFT JOIN "Integration" AS integration ON integration.id = due."integrationId"
            WHERE (hook.active OR (hook.id IS NOT NULL AND due.event = 'ping') OR integration.active
                   OR due."emailTo" IS NOT NULL)
              AND due.status = 'PENDING' AND due."nextAttemptAt" <= now()
              AND (due."lockedUntil" IS NULL OR due."lockedUntil" < now())
            ORDER BY due."nextAttemptAt", due.id
            LIMIT ${limit}
            FOR UPDATE OF due SKIP LOCKED)
      RETURNING d.id, d.event, d."eventId", d.payload, d.attempts, d."webhookId", d."integrationId", d."emailTo")
    SELECT c.id, c.event, c."eventId", c.payload, c.attempts, w.url, w.secret, w.kind::text AS kind, c."emailTo",
           c."integrationId", i."statusToken"
      FROM claimed c
      LEFT JOIN "OutboundWebhook" w ON w.id = c."webhookId"
      LEFT JOIN "Integration" i ON i.id = c."integrationId"`;
}

type Result = { status: number; retryAfter: string | null } | { error: string };

async function post(delivery: Claimed, timeoutMs: number): Promise<Result> {
  if (delivery.integrationId !== null) return postCommitStatus(delivery, timeoutMs);
  if (delivery.emailTo !== null) return sendEmailDelivery({ ...delivery, emailTo: delivery.emailTo }, timeoutMs);
  if (delivery.kind === "SLACK") return postSlack(delivery, timeoutMs);
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(delivery.url!, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Faultline-Webhooks/1",
        "x-faultline-event": delivery.event,
        "x-faultline-delivery": delivery.eventId,
        "x-faultline-timestamp": String(timestamp),
        "x-faultline-signature": signatureHeader(delivery.secret!, timestamp, body),
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { error: describeFetchError(error, timeoutMs) };
  }
}

/** A Slack incoming webhook: the Block Kit message rendered from the queued event; the URL is the secret. */
async function postSlack(delivery: Claimed, timeoutMs: number): Promise<Result> {
  const url = delivery.secret ? openSecret(delivery.secret) : null;
  if (!url) return { error: "The Slack URL cannot be read (NEXTAUTH_SECRET changed?): set the URL again." };
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "content-type": "application/json; charset=utf-8", "user-agent": "Faultline-Webhooks/1" },
      body: JSON.stringify(slackMessage(delivery.payload as OutboundPayload)),
    });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { error: describeFetchError(error, timeoutMs) };
  }
}

/** A GitHub commit status: `POST /repos/{owner}/{repo}/statuses/{sha}` with the integration's token. */
async function postCommitStatus(delivery: Claimed, timeoutMs: number): Promise<Result> {
  const payload = delivery.payload as CommitStatusPayload;
  const token = delivery.statusToken ? openSecret(delivery.statusToken) : null;
  if (!token) return { error: "No usable status token on the integration: set it again in Admin → Integrations." };
  try {
    const response = await fetch(payload.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "user-agent": "Faultline-Webhooks/1",
        "x-github-api-version": "2022-11-28",
      },
      body: JSON.stringify(payload.body),
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
  let outcome = delivery.emailTo !== null ? classifySmtpAttempt(result) : classifyAttempt(result);
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
