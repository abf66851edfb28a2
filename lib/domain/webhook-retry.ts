// When an outbound webhook delivery is retried (docs/webhooks.md, decision 010). Pure rules, no I/O.

/** Attempts per delivery before it is marked FAILED (the first try counts). */
export const DEFAULT_MAX_ATTEMPTS = 10;
/** Delay before the second attempt; it doubles for each attempt after that. */
export const DEFAULT_BACKOFF_BASE_MS = 30_000;
/** No wait, from backoff or from a receiver's Retry-After, is longer than this. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60_000;
/** Each backoff delay is stretched or shrunk by up to this share, so that retries of many deliveries spread out. */
export const JITTER = 0.2;

export type AttemptOutcome =
  { kind: "delivered" } | { kind: "retry"; reason: string | null } | { kind: "give-up"; reason: string | null };

/**
 * The reason is what the status code alone does not say. 2xx delivers. Network errors, timeouts, 5xx, 408 and 429 are worth retrying. Any other
 * answer (3xx, 4xx) means the receiver refuses this request as it is: retrying the same
 * bytes cannot help, so the delivery fails at once and an admin can redeliver it.
 */
export function classifyAttempt(result: { status: number } | { error: string }): AttemptOutcome {
  if ("error" in result) return { kind: "retry", reason: result.error };
  const { status } = result;
  if (status >= 200 && status < 300) return { kind: "delivered" };
  if (status >= 500 || status === 408 || status === 429) return { kind: "retry", reason: null };
  return { kind: "give-up", reason: "Refused by the receiver: not retried" };
}

/** Backoff after the `attempt`-th failed attempt (1-based): base · 2^(attempt−1), ±20 % jitter, capped. */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const plain = baseMs * 2 ** Math.max(0, attempt - 1);
  const jittered = plain * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(jittered, MAX_RETRY_DELAY_MS));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_DELAY_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_DELAY_MS);
}

/** When to try again after a failed attempt: the receiver's Retry-After if it sent one, else backoff. */
export function nextAttemptDelayMs(options: {
  attempt: number;
  baseMs: number;
  retryAfterMs: number | null;
  random?: () => number;
}): number {
  return options.retryAfterMs ?? backoffDelayMs(options.attempt, options.baseMs, options.random);
}

/**
 * The same decision for an email (the SMTP reply code of the last command): 2xx sent, 4xx a
 * temporary refusal worth retrying (greylisting, mailbox busy), 5xx a permanent one.
 */
export function classifySmtpAttempt(result: { status: number } | { error: string }): AttemptOutcome {
  if ("error" in result) return { kind: "retry", reason: result.error };
  if (result.status >= 200 && result.status < 300) return { kind: "delivered" };
  if (result.status >= 400 && result.status < 500) return { kind: "retry", reason: null };
  return { kind: "give-up", reason: "Refused by the mail server: not retried" };
}
