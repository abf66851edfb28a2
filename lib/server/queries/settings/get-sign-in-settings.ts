import "server-only";
import { getDb } from "@/lib/server/db";
import { getOidcConfig } from "@/lib/server/auth/oidc-config";

/** What the sign-in page and the credentials provider need: which ways to sign in are open. */
export async function getSignInSettings(): Promise<{ passwordSignInEnabled: boolean; sso: { name: string } | null }> {
  const settings = await getDb().orgSettings.findUnique({ where: { id: 1 }, select: { passwordSignInEnabled: true } });
  const oidc = getOidcConfig();
  // Without single sign-on, password sign-in stays on whatever the row says (nobody would get in otherwise).
  return {
    passwordSignInEnabled: !oidc || (settings?.passwordSignInEnabled ?? true),
    sso: oidc ? { name: oidc.name } : null,
  };
}
