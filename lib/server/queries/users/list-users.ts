import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserFilters } from "@/lib/schemas/user-filters";
import { getDb } from "@/lib/server/db";

export const USER_LIST_LIMIT = 500;

/** People for the admin user list, by name. The organisation is small: a cap, not pages. */
export async function listUsers(filters: UserFilters) {
  const where: Prisma.UserWhereInput = {
    role: filters.role,
    level: filters.level,
    active: filters.status === "all" ? undefined : filters.status === "active",
    OR: filters.q
      ? [
          { name: { contains: filters.q, mode: "insensitive" } },
          { email: { contains: filters.q, mode: "insensitive" } },
        ]
      : undefined,
  };
  return getDb().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: USER_LIST_LIMIT,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      level: true,
      active: true,
      createdAt: true,
      deactivatedAt: true,
      team: { select: { name: true } },
    },
  });
}

export async function getUserForAdmin(id: number) {
  return getDb().user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      level: true,
      active: true,
      teamId: true,
      createdAt: true,
      deactivatedAt: true,
      team: { select: { name: true, archivedAt: true } },
    },
  });
}

/** Everyone who ever acted, for the audit log's actor filter (deactivated people included). */
export async function listUserOptions(): Promise<Array<{ id: number; name: string }>> {
  const users = await getDb().user.findMany({
    select: { id: true, name: true, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.active ? u.name : `${u.name} (deactivated)` }));
}
