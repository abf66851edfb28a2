import "server-only";

/** Set on every request by the HTTP server itself (lib/server/http/peer-address.ts), never by the client. */
export const PEER_ADDRESS_HEADER = "x-faultline-peer-address";

type HeaderSource = { get(name: string): string | null };

/**
 * How many reverse proxies in front of Faultline append to X-Forwarded-For
 * (FAULTLINE_TRUSTED_PROXIES, default 0). With 0, X-Forwarded-For is ignored: anyone can
 * send it. With n, the address is the n-th entry from the right: the one the outermost
 * trusted proxy saw (docs/decisions/015-sign-in-throttling.md).
 */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.FAULTLINE_TRUSTED_PROXIES ?? "0");
  return Number.isInteger(value) && value >= 0 && value <= 10 ? value : 0;
}

/** The client's address as far as it can be trusted; "unknown" when the server did not say. */
export function getClientAddress(headers: HeaderSource, trustedProxies = trustedProxyCount()): string {
  if (trustedProxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const entry = hops[hops.length - trustedProxies];
    if (entry) return normaliseAddress(entry);
  }
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  return peer ? normaliseAddress(peer) : "unknown";
}

/** IPv4-mapped IPv6 ("::ffff:10.0.0.1") is the IPv4 address; anything odd is cut to a sane length. */
function normaliseAddress(value: string): string {
  const address = value.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return address.slice(0, 64);
}
