// Roles and their labels, shared by admin pages and schemas.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ENGINEER", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = { ENGINEER: "Engineer", MANAGER: "Manager", ADMIN: "Admin" };
