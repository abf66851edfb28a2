// Small builders for integration tests: real rows in the test database.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Level, Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";

const unique = () => randomBytes(4).toString("hex");

export async function createTestUser(
  db: Db,
  options: { role?: Role; level?: Level; password?: string; active?: boolean; email?: string } = {},
): Promise<SessionUser> {
  const suffix = unique();
  return db.user.create({
    data: {
      email: options.email ?? `user-${suffix}@example.test`,
      name: `Test User ${suffix}`,
      role: options.role ?? "ENGINEER",
      level: options.level ?? "MID",
      active: options.active ?? true,
      passwordHash: options.password ? await bcrypt.hash(options.password, 4) : null,
    },
    select: { id: true, email: true, name: true, role: true, level: true },
  });
}

export async function createTestService(db: Db, options: { archived?: boolean } = {}) {
  const suffix = unique();
  const team = await db.team.create({ data: { name: `Team ${suffix}`, slug: `team-${suffix}` } });
  return db.service.create({
    data: {
      name: `service-${suffix}`,
      slug: `service-${suffix}`,
      teamId: team.id,
      archivedAt: options.archived ? new Date() : null,
    },
  });
}
