// Where to send someone after sign-in: only ever a path on this application.
// Used by the sign-in page and by next-auth's redirect callback, so both agree.

const INTERNAL_ORIGIN = "http://faultline.invalid";
export const DEFAULT_AFTER_SIGN_IN = "/incidents";

/**
 * A same-origin path ("/x?y#z") for a requested destination, or the fallback. The value is
 * resolved the way a browser would (WHATWG URL: backslashes as slashes, tabs and newlines
 * dropped, percent-decoding of the host), so "/\evil", "/\t/evil", "//evil" and
 * "https://evil" all resolve to another origin and are refused. An absolute URL is
 * accepted only on `origin` (the app's own, e.g. NEXTAUTH_URL).
 */
export function safeRedirectPath(
  value: unknown,
  origin: string = INTERNAL_ORIGIN,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  const base = parseOrigin(origin);
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(value.trim());
  let resolved: URL;
  try {
    resolved = new URL(value, isAbsolute ? base : INTERNAL_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== (isAbsolute ? base : INTERNAL_ORIGIN)) return fallback;
  // "https://app//evil" has the path "//evil", which a browser reads as another host.
  const path = resolved.pathname.replace(/^\/{2,}/, "/");
  return `${path}${resolved.search}${resolved.hash}`;
}

function parseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return INTERNAL_ORIGIN;
  }
}
