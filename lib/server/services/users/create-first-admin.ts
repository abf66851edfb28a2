import "server-only";
import bcrypt from "bcryptjs";
import { createUserSchema } from "@/lib/schemas/admin-user";
import { STARTUP_ACTOR, auditActorOf } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

// Any constant works; it only has to differ from the migration lock (72707369).
const FIRST_ADMIN_LOCK = 72707370;

export type FirstAdminResult =
  { created: true; id: number } | { created: false; reason: "not-configured" | "has-users" };

/**
 * At start-up: when the database has no users and FAULTLINE_ADMIN_EMAIL and
 * FAULTLINE_ADMIN_PASSWORD are set, creates that admin. Instances starting together take a
 * transaction-scoped advisory lock, so exactly one of them creates it; afterwards the
 * variables are ignored (the caller logs that).
 */
export async function createFirstAdmin(env: NodeJS.ProcessEnv = process.env): Promise<FirstAdminResult> {
  const email = env.FAULTLINE_ADMIN_EMAIL?.trim();
  const password = env.FAULTLINE_ADMIN_PASSWORD;
  if (!email || !password) return { created: false, reason: "not-configured" };
  const parsed = createUserSchema.safeParse({
    email,
    password,
    name: env.FAULTLINE_ADMIN_NAME?.trim() || "Administrator",
    role: "ADMIN",
    level: "SENIOR",
    teamId: null,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `FAULTLINE_ADMIN_${String(issue.path[0]).toUpperCase()}: ${issue.message}`,
    );
    throw new AppError("VALIDATION", `The first admin cannot be created: ${problems.join("; ")}`);
  }
  const input = parsed.data;
  const passwordHash = await bcrypt.hash(input.password, 10);
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    if ((await tx.user.count()) > 0) return { created: false, reason: "has-users" } as const;
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "ADMIN", level: "SENIOR", passwordHash },
      select: { id: true },
    });
    await writeAudit(tx, {
      ...auditActorOf(STARTUP_ACTOR),
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      after: { name: input.name, email: input.email, role: "ADMIN", level: "SENIOR", teamId: null, active: true },
    });
    return { created: true, id: user.id } as const;
  });
}
