// A real OpenID Connect provider (oidc-provider 8) for the single sign-on end-to-end tests.
//   node e2e/support/oidc-server.mjs 3650 http://127.0.0.1:3600
// Its built-in login form accepts any login (and any password): the login is the account's
// email address. "unverified.someone@x" signs in as someone@x with email_verified: false,
// so the tests can check that such an address never links to an existing user. Consent is granted automatically
// (a first-party client), like most company identity providers do.
import http from "node:http";
import Provider from "oidc-provider";

// The same values the app gets (playwright.config.ts passes them to both).
const OIDC_CLIENT = {
  id: process.env.FAULTLINE_OIDC_CLIENT_ID ?? "faultline-e2e",
  secret: process.env.FAULTLINE_OIDC_CLIENT_SECRET ?? "faultline-e2e-client-secret",
};

const [port = "3650", appUrl = "http://127.0.0.1:3600"] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

function claimsFor(login) {
  const value = login.trim().toLowerCase();
  const unverified = value.startsWith("unverified.");
  const email = unverified ? value.slice("unverified.".length) : value;
  const local = email.split("@")[0] ?? email;
  const name = local
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
  return { sub: `sub-${value}`, email, email_verified: !unverified, name };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Conformant (OIDC Core §5.4): the ID token carries only sub; email and name come from
  // the userinfo endpoint, which Faultline must ask (lib/server/auth/oidc-provider.ts).
  conformIdTokenClaims: true,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["oidc-e2e-cookie-key-0123456789"] },
  async findAccount(_ctx, id) {
    // The login form's value is the account id; sub stays stable per email.
    const login = id.startsWith("sub-") ? id.slice(4) : id;
    return { accountId: id, claims: async () => claimsFor(login) };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

const server = http.createServer(provider.callback());
server.listen(Number(port), "127.0.0.1", () => console.log(`OIDC provider at ${issuer}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
