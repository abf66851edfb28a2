import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export const MIN_METRICS_TOKEN_LENGTH = 16;

export type MetricsAccess = "allowed" | "off" | "misconfigured" | "unauthenticated";

/**
 * /metrics is served only when FAULTLINE_METRICS_TOKEN is set, and only to a scraper that sends
 * it as `Authorization: Bearer <token>` (compared in constant time). Unset: the endpoint does not
 * exist (404). Set but shorter than 16 characters: refused (503) until it is fixed.
 */
export function metricsAccess(authorization: string | null, configured = process.env.FAULTLINE_METRICS_TOKEN) {
  if (!configured) return "off" satisfies MetricsAccess;
  if (configured.length < MIN_METRICS_TOKEN_LENGTH) return "misconfigured" satisfies MetricsAccess;
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return "unauthenticated" satisfies MetricsAccess;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return (
    timingSafeEqual(digest(match[1]), digest(configured)) ? "allowed" : "unauthenticated"
  ) satisfies MetricsAccess;
}
