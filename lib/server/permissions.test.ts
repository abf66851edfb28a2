import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertCan, can, canEditChange, PERMISSIONS, type Permission, type Role } from "./permissions";

// The matrix the product promises (issue #3): engineers declare and update incidents and
// register changes; managers and admins read everything and can edit reviews; only
// admins manage lists, users and settings.
const EXPECTED: Record<Permission, Role[]> = {
  "incident:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "incident:declare": ["ENGINEER", "ADMIN"],
  "incident:update": ["ENGINEER", "ADMIN"],
  "incident:review": ["ENGINEER", "MANAGER", "ADMIN"],
  "change:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "change:register": ["ENGINEER", "ADMIN"],
  /** Registering a change whose author is someone else ("registered by X for Y"). */
  "change:register-for-others": ["MANAGER", "ADMIN"],
  /** Editing, shipping and linking someone else's change (issue 16); an engineer edits their own. */
  "change:update-others": ["MANAGER", "ADMIN"],
  "dashboard:read": ["ENGINEER", "MANAGER", "ADMIN"],
  "report:publish": ["MANAGER", "ADMIN"],
  "audit:read": ["ADMIN"],
  "lists:manage": ["ADMIN"],
  "users:manage": ["ADMIN"],
  "teams:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "integrations:manage": ["ADMIN"],
};
const ROLES: Role[] = ["ENGINEER", "MANAGER", "ADMIN"];

describe("permission matrix", () => {
  it("covers exactly the expected permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [permission, allowed] of Object.entries(EXPECTED) as Array<[Permission, Role[]]>) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed.includes(role));
      });
    }
  }
  it("throws a 403 AppError, not a 401, when the role lacks the permission", () => {
    try {
      assertCan({ role: "MANAGER" }, "incident:declare");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
      expect((error as AppError).message).toMatch(/manager/);
    }
  });
});

describe("canEditChange", () => {
  it("lets an engineer edit only their own change, managers and admins anyone's", () => {
    expect(canEditChange({ id: 1, role: "ENGINEER" }, 1)).toBe(true);
    expect(canEditChange({ id: 1, role: "ENGINEER" }, 2)).toBe(false);
    expect(canEditChange({ id: 1, role: "ENGINEER" }, null)).toBe(false);
    expect(canEditChange({ id: 1, role: "MANAGER" }, 2)).toBe(true);
    expect(canEditChange({ id: 1, role: "ADMIN" }, null)).toBe(true);
  });
});
