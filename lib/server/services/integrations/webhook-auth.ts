import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new integration secret: 32 random bytes, URL-safe (fits a YAML file and a GitHub form). */
export const newIntegrationSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** GitHub's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, compared in constant time. */
export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string | null): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return sameBytes(given, expected);
}

export const githubSignature = (secret: string, rawBody: Buffer | string) =>
  `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;

/**
 * Alertmanager's `http_config.authorization` sends `Authorization: Bearer <credentials>`.
 * Both sides are hashed first so that the comparison takes the same time whatever the length.
 */
export function verifyBearer(secret: string, header: string | null): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return sameBytes(digest(match[1].trim()), digest(secret));
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");
