import { firstParam, type RawSearchParams } from "./search-params";
import { LEVELS } from "@/lib/domain/change";
import { ROLES } from "@/lib/domain/roles";

export type UserFilters = {
  role?: (typeof ROLES)[number];
  level?: (typeof LEVELS)[number];
  status: "active" | "deactivated" | "all";
  q?: string;
};

/** The user list's URL filters; a value that makes no sense is dropped. */
export function parseUserFilters(params: RawSearchParams): UserFilters {
  const role = firstParam(params.role);
  const level = firstParam(params.level);
  const status = firstParam(params.status);
  return {
    role: (ROLES as readonly string[]).includes(role ?? "") ? (role as UserFilters["role"]) : undefined,
    level: (LEVELS as readonly string[]).includes(level ?? "") ? (level as UserFilters["level"]) : undefined,
    status: status === "deactivated" || status === "all" ? status : "active",
    q: firstParam(params.q)?.slice(0, 100),
  };
}
