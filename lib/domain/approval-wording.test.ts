import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeNotShipped, describeShippedWithoutApproval } from "./approval-wording";

describe("approval wording", () => {
  it("keeps the queue apart from approved changes that have not shipped", () => {
    const text = describeNotShipped({ waitingForApproval: 7, approvedNotShipped: 37, rejectedNotShipped: 0 });
    expect(text).toContain("7 waiting for approval");
    expect(text).toContain("37 approved, not shipped yet");
    expect(text).not.toMatch(/rejected/);
  });

  it("never says the bare word pending", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (waiting, approved, rejected) => {
        const text = describeNotShipped({
          waitingForApproval: waiting,
          approvedNotShipped: approved,
          rejectedNotShipped: rejected,
        });
        expect(text).not.toMatch(/pending/i);
        expect(describeShippedWithoutApproval(waiting)).not.toMatch(/pending/i);
      }),
    );
  });

  it("names rejected changes only when there are some, and counts in the singular", () => {
    expect(describeNotShipped({ waitingForApproval: 0, approvedNotShipped: 0, rejectedNotShipped: 2 })).toContain(
      "2 rejected, not shipped",
    );
    expect(describeShippedWithoutApproval(1)).toMatch(/^1 change shipped without approval/);
    expect(describeShippedWithoutApproval(3)).toMatch(/^3 changes shipped without approval/);
  });
});
