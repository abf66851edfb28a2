import { describe, expect, it } from "vitest";
import { deployGateDecision } from "./deploy-gate";

const change = { id: 7, title: "Raise pool", approvalRequired: true, approvalState: "PENDING" as const };

describe("deploy gate", () => {
  it("allows changes that need no approval or were approved", () => {
    expect(deployGateDecision({ ...change, approvalRequired: false, approvalState: "NOT_REQUIRED" })).toMatchObject({
      allow: true,
      reason: "approval_not_required",
    });
    expect(deployGateDecision({ ...change, approvalState: "APPROVED" })).toMatchObject({
      allow: true,
      reason: "approved",
    });
  });
  it("denies pending, rejected and unknown changes, saying what to do", () => {
    expect(deployGateDecision(change)).toMatchObject({
      allow: false,
      reason: "needs_approval",
      message: expect.stringMatching(/needs a senior engineer's approval/),
    });
    expect(deployGateDecision({ ...change, approvalState: "REJECTED" })).toMatchObject({
      allow: false,
      reason: "rejected",
      message: expect.stringMatching(/Revise it/),
    });
    expect(deployGateDecision(null)).toMatchObject({
      allow: false,
      reason: "unknown_change",
      message: expect.stringMatching(/Register the change/),
    });
  });
});
