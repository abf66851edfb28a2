import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * "approve" lets a senior decide approvals from scripts; "import" lets incidents and changes carry
 * their historical times and external ids (moving from another tool).
 */
export const API_SCOPES = ["read", "changes:write", "incidents:write", "approve", "import"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** "flt_" + 32 random bytes; only its sha256 is stored. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `flt_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
