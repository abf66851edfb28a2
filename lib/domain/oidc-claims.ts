// Which claims about a person Faultline takes from an OpenID Connect provider, and from where.

/** The claims Faultline reads (ID token, completed from the userinfo endpoint). */
export type OidcClaims = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
  /** Microsoft Entra ID's optional "email domain owner verified" claim (no email_verified there). */
  xms_edov?: boolean | string | number;
};

const PERSON_CLAIMS = ["email", "email_verified", "name", "preferred_username", "xms_edov"] as const;

/**
 * OIDC Core §5.4: in the authorization code flow a provider may return the profile and
 * email claims from the userinfo endpoint only, leaving the ID token with little more than
 * `sub`. Ask the endpoint when the ID token has no email or does not say whether it is
 * verified.
 */
export function needsUserinfo(idToken: OidcClaims): boolean {
  return !idToken.email || (idToken.email_verified === undefined && idToken.xms_edov === undefined);
}

/**
 * The ID token's claims completed by the userinfo answer. The ID token (signed and
 * verified) wins where both have a value. A userinfo answer about another subject is
 * refused (OIDC Core §5.3.2: the sub MUST match), so the endpoint cannot swap the person.
 */
export function mergeOidcClaims(idToken: OidcClaims, userinfo: Record<string, unknown>): OidcClaims {
  if (userinfo.sub !== idToken.sub) throw new Error("The userinfo answer is about another subject than the ID token.");
  const merged: OidcClaims = { ...idToken };
  for (const claim of PERSON_CLAIMS) {
    const value = userinfo[claim];
    if (merged[claim] !== undefined || value === undefined || value === null) continue;
    if (typeof value === "string" || typeof value === "boolean" || (claim === "xms_edov" && typeof value === "number"))
      Object.assign(merged, { [claim]: value });
  }
  return merged;
}

const isTrue = (value: unknown) => value === true || value === "true" || value === 1 || value === "1";

/**
 * Whether the provider vouches for the email address: `email_verified` true (or the string
 * "true", as some providers send it). Only when a provider sends no `email_verified` at all
 * (Entra ID), its `xms_edov` claim stands in for it (docs/sso.md). Anything else: unverified.
 */
export function isEmailVerified(claims: OidcClaims): boolean {
  if (claims.email_verified !== undefined) return isTrue(claims.email_verified);
  return isTrue(claims.xms_edov);
}
