import "server-only";

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/**
 * The single sign-on provider from the environment (docs/sso.md), or null when it is not
 * configured. All three of issuer, client id and secret are needed; one missing is a
 * configuration mistake, reported once in the server log.
 */
export function getOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const issuer = env.FAULTLINE_OIDC_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = env.FAULTLINE_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.FAULTLINE_OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    warnOnce(
      "FAULTLINE_OIDC_ISSUER, FAULTLINE_OIDC_CLIENT_ID and FAULTLINE_OIDC_CLIENT_SECRET must all be set; single sign-on is off.",
    );
    return null;
  }
  return { issuer, clientId, clientSecret, name: env.FAULTLINE_OIDC_NAME?.trim() || "single sign-on" };
}

let warned = false;
function warnOnce(message: string) {
  if (warned) return;
  warned = true;
  console.warn(`[faultline] ${message}`);
}
