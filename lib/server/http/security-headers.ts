// The security headers of every response (docs/decisions/018-security-headers.md). Pure:
// proxy.ts calls it once per request with a fresh nonce. No "server-only" import: the
// proxy bundle loads it.

export type SecurityContext = {
  /** A fresh random value per request (base64). Next.js puts it on its own scripts. */
  nonce: string;
  /** Served over https: adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Origins forms may be submitted to besides our own (the single sign-on provider). */
  formActionOrigins?: string[];
  /** `next dev` needs eval for fast refresh. */
  development?: boolean;
};

export function contentSecurityPolicy(context: SecurityContext): string {
  const { nonce, https, development } = context;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts loaded by a nonce'd script are trusted; nothing else runs.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // <style> elements need the nonce; style="" attributes (React, Recharts) are allowed:
    // they cannot run script.
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(context.formActionOrigins ?? [])],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(context),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(context.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** https when the app's public URL is https, or a proxy in front says the request was. */
export function isHttpsRequest(forwardedProto: string | null, publicUrl: string | undefined): boolean {
  if (publicUrl?.trim().toLowerCase().startsWith("https://")) return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** A 128-bit random nonce, base64 (Web Crypto: available in the proxy and in Node). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
