import "server-only";
import { getDb } from "@/lib/server/db";

/** API tokens the user created (admins create them on /admin/tokens); never the secret. */
export async function listMyApiTokens(userId: number) {
  return getDb().apiToken.findMany({
    where: { createdById: userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
