import { describe, expect, it } from "vitest";
import { nextStatusActions, showsReview, stampsForTransition } from "./incident-lifecycle";

const at = new Date("2026-11-02T11:00:00Z");
const earlier = new Date("2026-11-02T10:30:00Z");
const none = { mitigatedAt: null, resolvedAt: null };

describe("status transitions stamp their times", () => {
  it("stamps nothing while investigating or identified", () => {
    expect(stampsForTransition(none, "IDENTIFIED", at)).toEqual(none);
    expect(stampsForTransition(none, "INVESTIGATING", at)).toEqual(none);
  });
  it("stamps mitigation on monitoring, and both on resolving", () => {
    expect(stampsForTransition(none, "MONITORING", at)).toEqual({ mitigatedAt: at, resolvedAt: null });
    expect(stampsForTransition(none, "RESOLVED", at)).toEqual({ mitigatedAt: at, resolvedAt: at });
  });
  it("keeps the first mitigation", () => {
    expect(stampsForTransition({ mitigatedAt: earlier, resolvedAt: null }, "RESOLVED", at)).toEqual({
      mitigatedAt: earlier,
      resolvedAt: at,
    });
  });
  it("clears the resolution when reopened", () => {
    expect(stampsForTransition({ mitigatedAt: earlier, resolvedAt: earlier }, "INVESTIGATING", at)).toEqual({
      mitigatedAt: earlier,
      resolvedAt: null,
    });
  });
  it("returns only stamps, never a status", () => {
    expect(
      Object.keys(stampsForTransition({ ...none, status: "INVESTIGATING" } as never, "RESOLVED", at)).sort(),
    ).toEqual(["mitigatedAt", "resolvedAt"]);
  });
});

describe("nextStatusActions", () => {
  it("offers the later steps in order, next first, and Reopen once resolved; never the current status", () => {
    expect(nextStatusActions("INVESTIGATING").map((a) => a.label)).toEqual([
      "Mark identified",
      "Mark mitigated",
      "Resolve",
    ]);
    expect(nextStatusActions("IDENTIFIED").map((a) => a.status)).toEqual(["MONITORING", "RESOLVED"]);
    expect(nextStatusActions("MONITORING")).toEqual([{ status: "RESOLVED", label: "Resolve" }]);
    expect(nextStatusActions("RESOLVED")).toEqual([{ status: "INVESTIGATING", label: "Reopen" }]);
  });
});

describe("showsReview", () => {
  it("opens the review after mitigation", () => {
    expect(showsReview({ status: "IDENTIFIED", mitigatedAt: null })).toBe(false);
    expect(showsReview({ status: "MONITORING", mitigatedAt: at })).toBe(true);
    expect(showsReview({ status: "INVESTIGATING", mitigatedAt: at })).toBe(true);
    expect(showsReview({ status: "RESOLVED", mitigatedAt: null })).toBe(true);
  });
});
