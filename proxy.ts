import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedAction } from "@/lib/server/http/action-body-limit";
import { isHttpsRequest, newNonce, securityHeaders } from "@/lib/server/http/security-headers";

// Paths that need a session before rendering (a convenience only: every page, action and
// route handler checks the session itself). Sign-in, the API, /metrics (its own token) and static files do not.
const NEEDS_SESSION = /^\/(?!login(?:\/|$)|api\/|_next\/|favicon\.ico$|icon\.svg$|metrics$)/;

const ssoOrigin = (() => {
  try {
    return process.env.FAULTLINE_OIDC_ISSUER ? [new URL(process.env.FAULTLINE_OIDC_ISSUER).origin] : [];
  } catch {
    return [];
  }
})();

/**
 * Runs for every request: a fresh CSP nonce (Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its scripts), the security headers on the
 * response, the 413 for an oversized form post, and the sign-in redirect for pages without a session.
 */
export default async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: isHttpsRequest(request.headers.get("x-forwarded-proto"), process.env.NEXTAUTH_URL),
    formActionOrigins: ssoOrigin,
    development: process.env.NODE_ENV === "development",
  });

  // An oversized form post would reach Next's action handler and come back as a 500.
  let response: Response | undefined = refuseOversizedAction(request) ?? undefined;
  if (!response && NEEDS_SESSION.test(request.nextUrl.pathname)) {
    response = (await withAuth(request as NextRequestWithAuth, { pages: { signIn: "/login" } })) ?? undefined;
  }
  if (!response) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    // The (app) layout answers 403 for pages a role may not open, before streaming starts (decision 028).
    requestHeaders.set("x-faultline-path", request.nextUrl.pathname);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path, static files included, so every response carries the headers.
  matcher: "/:path*",
};
