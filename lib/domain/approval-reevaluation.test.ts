import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY, type ApprovalState } from "./approval-policy";
import { materialChanges, reevaluateApproval, type MaterialFacts } from "./approval-reevaluation";

const policy = { ...DEFAULT_APPROVAL_POLICY, dismissStaleApprovals: true };
const junior: MaterialFacts = {
  aiAssisted: true,
  aiToolId: 1,
  aiInvolvement: "CO_AUTHORED",
  authorId: 7,
  authorLevel: "JUNIOR",
  serviceId: 3,
  headSha: "a".repeat(40),
};
const unshipped = (approvalState: ApprovalState) => ({ approvalState, shippedAt: null });

describe("materialChanges", () => {
  it("names each material field that moved, and nothing for an identical change", () => {
    expect(materialChanges(junior, { ...junior })).toEqual([]);
    expect(materialChanges(junior, { ...junior, headSha: "b".repeat(40), serviceId: 4 })).toEqual([
      "serviceId",
      "headSha",
    ]);
  });
});

describe("reevaluateApproval", () => {
  it("dismisses an approval given before a new head commit, and asks again", () => {
    expect(reevaluateApproval(unshipped("APPROVED"), ["headSha"], junior, policy)).toEqual({
      approvalRequired: true,
      approvalState: "PENDING",
      dismissed: true,
      newlyRequested: true,
    });
  });
  it("keeps the approval when the policy does not dismiss stale approvals", () => {
    const kept = reevaluateApproval(unshipped("APPROVED"), ["headSha"], junior, {
      ...policy,
      dismissStaleApprovals: false,
    });
    expect(kept).toMatchObject({ approvalState: "APPROVED", dismissed: false });
  });
  it("requires approval once a not-required change becomes a junior's AI change", () => {
    expect(reevaluateApproval(unshipped("NOT_REQUIRED"), ["aiAssisted"], junior, policy)).toMatchObject({
      approvalState: "PENDING",
      newlyRequested: true,
    });
  });
  it("no longer requires approval when a senior becomes the author", () => {
    expect(
      reevaluateApproval(
        unshipped("PENDING"),
        ["authorId", "authorLevel"],
        { ...junior, authorLevel: "SENIOR" },
        policy,
      ),
    ).toMatchObject({ approvalRequired: false, approvalState: "NOT_REQUIRED" });
  });
  it("never moves a shipped change, whatever changed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ApprovalState>("NOT_REQUIRED", "PENDING", "APPROVED", "REJECTED"),
        fc.subarray(["aiAssisted", "authorId", "headSha", "serviceId"] as const, { minLength: 1 }),
        (state, changed) =>
          reevaluateApproval({ approvalState: state, shippedAt: new Date() }, changed, junior, policy) === null,
      ),
    );
  });
  it("never leaves an approval standing after a material change while the policy dismisses them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ApprovalState>("NOT_REQUIRED", "PENDING", "APPROVED", "REJECTED"),
        fc.boolean(),
        fc.constantFrom("JUNIOR", "MID", "SENIOR" as const),
        (state, aiAssisted, authorLevel) => {
          const result = reevaluateApproval(
            unshipped(state),
            ["aiToolId"],
            { ...junior, aiAssisted, authorLevel },
            policy,
          );
          return result !== null && result.approvalState !== "APPROVED" && result.approvalState !== "REJECTED";
        },
      ),
    );
  });
});
