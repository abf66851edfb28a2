import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { assertCan, type Permission } from "@/lib/server/permissions";
import { getActiveUser } from "@/lib/server/queries/users/get-active-user";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user, re-read from the database so that a deactivation or a role change
 * takes effect at once (the JWT alone would lag until it expires).
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return getActiveUser(id);
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
