// Who may do what, in one map. Checked inside every service, never only in the UI or proxy.
// Engineering level (junior/mid/senior) is not a permission: approval rights come from the
// approval policy (lib/domain/approval-policy.ts).
import { AppError } from "./errors";

export type Role = "ENGINEER" | "MANAGER" | "ADMIN";

export const PERMISSIONS = {
  "incident:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "incident:declare": ["ENGINEER", "ADMIN"],
  "incident:update": ["ENGINEER", "ADMIN"],
  "incident:review": ["ENGINEER", "MANAGER", "ADMIN"],
  "change:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "change:register": ["ENGINEER", "ADMIN"],
  /** Registering a change whose author is someone else ("registered by X for Y"). */
  "change:register-for-others": ["MANAGER", "ADMIN"],
  /** Editing, shipping and linking a change whose author is someone else (an engineer edits only their own). */
  "change:update-others": ["MANAGER", "ADMIN"],
  "dashboard:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "report:publish": ["MANAGER", "ADMIN"],
  "audit:read": ["ADMIN"],
  "lists:manage": ["ADMIN"],
  "users:manage": ["ADMIN"],
  "teams:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "integrations:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * What an integration (GitHub, Alertmanager) may do on its own: register changes (for their
 * authors) and declare and update incidents. Nothing else, whoever created it.
 */
export const INTEGRATION_PERMISSIONS: readonly Permission[] = [
  "incident:read",
  "incident:declare",
  "incident:update",
  "change:read",
  "change:register",
  "change:register-for-others",
];

type Permitted = { role: Role } | { kind: "integration"; label: string };

/** Whether this actor (a person's role, the system, or an integration) may do it. */
export function actorCan(actor: Permitted, permission: Permission): boolean {
  return "role" in actor ? can(actor.role, permission) : INTEGRATION_PERMISSIONS.includes(permission);
}

export function assertCan(actor: Permitted, permission: Permission): void {
  if (!("role" in actor)) {
    if (actorCan(actor, permission)) return;
    throw new AppError(
      "FORBIDDEN",
      `${actor.label} may not do this (integrations only register changes and declare or update incidents).`,
    );
  }
  if (!can(actor.role, permission)) {
    throw new AppError(
      "FORBIDDEN",
      `Your role (${actor.role.toLowerCase()}) does not allow this. Ask an admin if you need it.`,
    );
  }
}

/** Editing or shipping a change: one's own with change:register, anyone's with change:update-others. */
export function canEditChange(actor: { id: number; role: Role }, authorId: number | null): boolean {
  if (can(actor.role, "change:update-others")) return true;
  return can(actor.role, "change:register") && authorId !== null && authorId === actor.id;
}
