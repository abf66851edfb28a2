import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/server/errors";
import { assertCan, type Permission } from "@/lib/server/permissions";
import { getActiveUser } from "@/lib/server/queries/users/get-active-user";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user and the id of this sign-in, re-read from the database so that a
 * deactivation, a role change or a revoked session takes effect at once (the JWT alone
 * would lag until it expires). A JWT without a session id (minted before sessions were
 * recorded) counts as signed out.
 */
export const getCurrentSession = cache(async (): Promise<{ user: SessionUser; sessionId: string } | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const user = await getActiveUser(id, sessionId);
  return user ? { user, sessionId } : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** For server actions and route handlers: 401 when signed out, 403 without the permission. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (permission) assertCan(user, permission);
  return user;
}

/** For pages: signed-out visitors go to the sign-in page and come back afterwards. */
export async function requirePageUser(callbackPath: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
