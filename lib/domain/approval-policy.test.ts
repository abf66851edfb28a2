import { describe, expect, it } from "vitest";
import {
  approvalCompliance,
  canApproveChange,
  DEFAULT_APPROVAL_POLICY,
  initialApprovalState,
  isApprovalRequired,
  type ApprovalPolicyRules,
} from "./approval-policy";

const policy = DEFAULT_APPROVAL_POLICY;

describe("approval requirement", () => {
  it("needs approval for AI-assisted changes by junior and mid-level authors only", () => {
    expect(isApprovalRequired({ aiAssisted: true, authorLevel: "JUNIOR", aiInvolvement: "SUGGESTED" }, policy)).toBe(
      true,
    );
    expect(isApprovalRequired({ aiAssisted: true, authorLevel: "MID", aiInvolvement: "AGENT_AUTHORED" }, policy)).toBe(
      true,
    );
    expect(
      isApprovalRequired({ aiAssisted: true, authorLevel: "SENIOR", aiInvolvement: "AGENT_AUTHORED" }, policy),
    ).toBe(false);
    expect(isApprovalRequired({ aiAssisted: false, authorLevel: "JUNIOR", aiInvolvement: null }, policy)).toBe(false);
  });

  it("treats an unknown author of an AI-assisted change as needing approval", () => {
    expect(isApprovalRequired({ aiAssisted: true, authorLevel: null, aiInvolvement: null }, policy)).toBe(true);
  });

  it("follows the policy's data, including exempt involvement levels", () => {
    const strict: ApprovalPolicyRules = {
      ...policy,
      levelsRequiring: ["JUNIOR", "MID", "SENIOR"],
      exemptInvolvements: ["SUGGESTED"],
    };
    expect(isApprovalRequired({ aiAssisted: true, authorLevel: "SENIOR", aiInvolvement: "CO_AUTHORED" }, strict)).toBe(
      true,
    );
    expect(isApprovalRequired({ aiAssisted: true, authorLevel: "JUNIOR", aiInvolvement: "SUGGESTED" }, strict)).toBe(
      false,
    );
    expect(initialApprovalState({ aiAssisted: true, authorLevel: "MID", aiInvolvement: "CO_AUTHORED" }, policy)).toBe(
      "PENDING",
    );
    expect(
      initialApprovalState({ aiAssisted: true, authorLevel: "SENIOR", aiInvolvement: "CO_AUTHORED" }, policy),
    ).toBe("NOT_REQUIRED");
  });
});

describe("who may approve", () => {
  const change = { authorId: 7 };
  it("lets an active senior who is not the author approve", () => {
    expect(canApproveChange({ id: 1, level: "SENIOR", active: true }, change, policy)).toEqual({ ok: true });
  });
  it("refuses the author, other levels and deactivated users", () => {
    expect(canApproveChange({ id: 7, level: "SENIOR", active: true }, change, policy)).toEqual({
      ok: false,
      reason: "SELF_APPROVAL",
    });
    expect(canApproveChange({ id: 2, level: "MID", active: true }, change, policy)).toEqual({
      ok: false,
      reason: "NOT_AN_APPROVER_LEVEL",
    });
    expect(canApproveChange({ id: 3, level: "SENIOR", active: false }, change, policy)).toEqual({
      ok: false,
      reason: "INACTIVE",
    });
  });
  it("allows self-approval only when the policy says so", () => {
    expect(
      canApproveChange({ id: 7, level: "SENIOR", active: true }, change, { ...policy, allowSelfApproval: true }),
    ).toEqual({ ok: true });
  });
});

describe("compliance", () => {
  const shipped = new Date("2026-11-10T12:00:00Z");
  const base = { approvalRequired: true, shippedAt: shipped };
  it("is compliant only with an approval given before shipping", () => {
    expect(
      approvalCompliance({ ...base, approvalState: "APPROVED", approvalDecidedAt: new Date("2026-11-10T11:00:00Z") }),
    ).toBe("COMPLIANT");
    expect(approvalCompliance({ ...base, approvalState: "APPROVED", approvalDecidedAt: shipped })).toBe("COMPLIANT");
    expect(
      approvalCompliance({ ...base, approvalState: "APPROVED", approvalDecidedAt: new Date("2026-11-10T12:00:01Z") }),
    ).toBe("VIOLATION");
  });
  it("is a violation when shipped pending or rejected, and pending before it ships", () => {
    expect(approvalCompliance({ ...base, approvalState: "PENDING", approvalDecidedAt: null })).toBe("VIOLATION");
    expect(
      approvalCompliance({ ...base, approvalState: "REJECTED", approvalDecidedAt: new Date("2026-11-09T00:00:00Z") }),
    ).toBe("VIOLATION");
    expect(approvalCompliance({ ...base, shippedAt: null, approvalState: "PENDING", approvalDecidedAt: null })).toBe(
      "PENDING",
    );
    expect(
      approvalCompliance({
        approvalRequired: false,
        shippedAt: shipped,
        approvalState: "NOT_REQUIRED",
        approvalDecidedAt: null,
      }),
    ).toBe("NOT_REQUIRED");
  });
});
