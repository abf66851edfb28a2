import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/** A new signing secret: shown to the admin once, stored to sign every delivery. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * `X-Faultline-Signature: sha256=<hex>`, the HMAC-SHA256 of `<timestamp>.<body>` keyed with
 * the webhook's secret (docs/webhooks.md). The timestamp (Unix seconds, also sent as
 * `X-Faultline-Timestamp`) is signed too, so receivers can refuse old replays.
 */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
