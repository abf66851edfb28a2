import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { isEmailVerified } from "@/lib/domain/oidc-claims";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { isAppError } from "@/lib/server/errors";
import { signInSchema } from "@/lib/schemas/auth";
import { getDb } from "@/lib/server/db";
import { getSignInSettings } from "@/lib/server/queries/settings/get-sign-in-settings";
import { endSession } from "@/lib/server/services/auth/end-session";
import { resolveOidcUser } from "@/lib/server/services/auth/resolve-oidc-user";
import { startSession, type SignInMethod } from "@/lib/server/services/auth/start-session";
import { verifyCredentials } from "@/lib/server/services/auth/verify-credentials";
import { getClientAddress } from "./client-address";
import { getOidcConfig } from "./oidc-config";
import { oidcProvider, type OidcProfile } from "./oidc-provider";
import type { SessionUser } from "./session-user";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const oidc = getOidcConfig();

const credentials = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input) {
    const parsed = signInSchema.safeParse(input ?? {});
    if (!parsed.success) throw new Error("Enter your email address and password.");
    if (!(await getSignInSettings()).passwordSignInEnabled) {
      throw new Error(
        `Password sign-in is switched off for this organisation. Use “Sign in with ${oidc?.name ?? "single sign-on"}”.`,
      );
    }
    try {
      const user = await verifyCredentials({ ...parsed.data, address: getClientAddress(await headers()) });
      return { ...user, id: String(user.id) };
    } catch (error) {
      // next-auth hands this message to the sign-in form.
      if (isAppError(error)) throw new Error(error.message);
      throw error;
    }
  },
});

/** The database user behind a sign-in that just succeeded (credentials or single sign-on). */
async function signedInUser(provider: string, user: { id: string }): Promise<SessionUser | null> {
  if (provider !== "oidc" || !oidc) {
    const u = user as unknown as Omit<SessionUser, "id"> & { id: string };
    return { id: Number(u.id), email: u.email, name: u.name, role: u.role, level: u.level };
  }
  return getDb().user.findFirst({
    where: { oidcIssuer: oidc.issuer, oidcSubject: user.id, active: true },
    select: { id: true, email: true, name: true, role: true, level: true },
  });
}

async function requestDetails(): Promise<{ userAgent: string | null; ip: string | null }> {
  const h = await headers();
  const address = getClientAddress(h);
  return { userAgent: h.get("user-agent"), ip: address === "unknown" ? null : address };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Errors of next-auth (and refusals of the signIn callback) land on the sign-in page as ?error=.
  pages: { signIn: "/login", error: "/login" },
  providers: oidc ? [credentials, oidcProvider(oidc)] : [credentials],
  callbacks: {
    // Every redirect next-auth makes (callbackUrl after sign-in or sign-out) stays on the app.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).toString();
    },
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc" || !oidc) return true;
      const claims = profile as OidcProfile | undefined;
      if (!claims?.sub) return "/login?error=OAuthCallback";
      const result = await resolveOidcUser({
        issuer: oidc.issuer,
        subject: claims.sub,
        email: claims.email ?? null,
        emailVerified: isEmailVerified(claims),
        name: claims.name ?? claims.preferred_username ?? null,
      });
      return result.ok ? true : `/login?error=${result.refusal}`;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const signedIn = await signedInUser(account.provider, user);
        if (!signedIn) throw new Error("The signed-in user could not be found.");
        token.uid = signedIn.id;
        token.email = signedIn.email;
        token.name = signedIn.name;
        token.role = signedIn.role;
        token.level = signedIn.level;
        const method: SignInMethod = account.provider === "oidc" ? "oidc" : "password";
        token.sid = await startSession({
          userId: signedIn.id,
          method,
          maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
          ...(await requestDetails()),
        });
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        level: token.level,
      };
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};
