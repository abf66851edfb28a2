// Role labels, shared by admin pages.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = { ENGINEER: "Engineer", MANAGER: "Manager", ADMIN: "Admin" };
