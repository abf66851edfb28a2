import "server-only";
import { getDb } from "@/lib/server/db";

/** False on a fresh organisation: nobody could sign in yet, so the sign-in page explains the first step. */
export async function hasAnyUser(): Promise<boolean> {
  return (await getDb().user.findFirst({ select: { id: true } })) !== null;
}
