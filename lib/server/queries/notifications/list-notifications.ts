import "server-only";
import { getDb } from "@/lib/server/db";

export async function countUnreadNotifications(userId: number): Promise<number> {
  return getDb().notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: number, limit = 100) {
  return getDb().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, title: true, href: true, readAt: true, createdAt: true },
  });
}
