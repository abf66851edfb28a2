import "server-only";
import { getDb } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/auth/session-user";

export async function getActiveUser(id: number): Promise<SessionUser | null> {
  return getDb().user.findFirst({
    where: { id, active: true },
    select: { id: true, email: true, name: true, role: true, level: true },
  });
}
