import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "./oidc-config";

/** The claims Faultline reads from the provider's ID token. */
export type OidcProfile = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
};

/**
 * A generic OpenID Connect provider: discovery from the issuer, authorization code flow
 * with PKCE and state, claims from the verified ID token. Its callback URL is
 * `<NEXTAUTH_URL>/api/auth/callback/oidc`.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.preferred_username ?? null,
      };
    },
  };
}
