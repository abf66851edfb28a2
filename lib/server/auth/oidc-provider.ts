import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { mergeOidcClaims, needsUserinfo, type OidcClaims } from "@/lib/domain/oidc-claims";
import type { OidcConfig } from "./oidc-config";

export type OidcProfile = OidcClaims;

/**
 * A generic OpenID Connect provider: discovery from the issuer, authorization code flow
 * with PKCE and state. The ID token is verified (signature, issuer, audience, nonce-less
 * code flow checks by openid-client); its claims are completed from the userinfo endpoint
 * when it lacks the email or its verification (OIDC Core §5.4, docs/sso.md). Its callback
 * URL is `<NEXTAUTH_URL>/api/auth/callback/oidc`.
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
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet (its types say only "parameters").
        const tokenSet = tokens as unknown as TokenSet;
        const claims = tokenSet.claims() as unknown as OidcClaims;
        if (!needsUserinfo(claims) || !tokenSet.access_token) return claims;
        // openid-client also checks that the answer's sub is the ID token's.
        const userinfo = await client.userinfo(tokenSet);
        return mergeOidcClaims(claims, userinfo);
      },
    },
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.preferred_username ?? null,
      };
    },
  };
}
