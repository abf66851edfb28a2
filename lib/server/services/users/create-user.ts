import "server-only";
import bcrypt from "bcryptjs";
import type { CreateUserInput } from "@/lib/schemas/admin-user";
import { auditActorOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { assertUsableTeam } from "./usable-team";

const DUPLICATE = "A user with this email already exists (perhaps deactivated): reactivate that account instead.";

/** An admin creates a person with an initial password; the audit row never holds the password. */
export async function createUser(options: { actor: Actor; input: CreateUserInput }): Promise<{ id: number }> {
  assertCan(options.actor, "users:manage");
  const { actor } = options;
  const input = { ...options.input, email: options.input.email.trim().toLowerCase() };
  const passwordHash = await bcrypt.hash(input.password, 10);
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.user.count({ where: { email: input.email } }))
        throw new AppError("CONFLICT", DUPLICATE, { fieldErrors: { email: [DUPLICATE] } });
      await assertUsableTeam(tx, input.teamId);
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          level: input.level,
          teamId: input.teamId,
          passwordHash,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        ...auditActorOf(actor),
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: {
          name: input.name,
          email: input.email,
          role: input.role,
          level: input.level,
          teamId: input.teamId,
          active: true,
        },
      });
      return user;
    });
  } catch (error) {
    // Two admins creating the same person at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", DUPLICATE, { fieldErrors: { email: [DUPLICATE] } });
    throw error;
  }
}
