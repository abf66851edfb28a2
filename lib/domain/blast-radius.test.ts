import { describe, expect, it } from "vitest";
import { assessBlastRadius, blastRadiusLevel, impactMinutes, type BlastRadiusFacts } from "./blast-radius";

const none: BlastRadiusFacts = {
  services: 1,
  regions: 0,
  capabilities: 0,
  customerImpactPct: null,
  failedTransactions: null,
  impactMinutes: null,
};
const level = (facts: Partial<BlastRadiusFacts>) => blastRadiusLevel({ ...none, ...facts });

describe("blast radius level", () => {
  it("is low when nothing reaches a threshold", () => {
    expect(level({})).toBe("LOW");
    expect(assessBlastRadius(none).reason).toMatch(/contained/);
    expect(level({ customerImpactPct: 0.99, failedTransactions: 99, services: 1, regions: 1 })).toBe("LOW");
  });

  it.each([
    [{ customerImpactPct: 0.99 }, "LOW"],
    [{ customerImpactPct: 1 }, "MEDIUM"],
    [{ customerImpactPct: 9.99 }, "MEDIUM"],
    [{ customerImpactPct: 10 }, "HIGH"],
    [{ customerImpactPct: 49.99 }, "HIGH"],
    [{ customerImpactPct: 50 }, "CRITICAL"],
  ] as const)("share of customers %o → %s", (facts, expected) => {
    expect(level(facts)).toBe(expected);
  });

  it.each([
    [{ failedTransactions: 99 }, "LOW"],
    [{ failedTransactions: 100 }, "MEDIUM"],
    [{ failedTransactions: 9_999 }, "MEDIUM"],
    [{ failedTransactions: 10_000 }, "HIGH"],
    [{ failedTransactions: 99_999 }, "HIGH"],
    [{ failedTransactions: 100_000 }, "CRITICAL"],
  ] as const)("failed transactions %o → %s", (facts, expected) => {
    expect(level(facts)).toBe(expected);
  });

  it("counts services, regions and capabilities at their edges", () => {
    expect(level({ services: 2 })).toBe("MEDIUM");
    expect(level({ services: 3 })).toBe("HIGH");
    expect(level({ regions: 1 })).toBe("LOW");
    expect(level({ regions: 2 })).toBe("HIGH");
    expect(level({ capabilities: 1 })).toBe("MEDIUM");
    expect(level({ capabilities: 2 })).toBe("HIGH");
    expect(level({ regions: 3, capabilities: 1 })).toBe("HIGH");
    expect(level({ regions: 2, capabilities: 2 })).toBe("HIGH");
    expect(level({ regions: 3, capabilities: 2 })).toBe("CRITICAL");
  });

  it("weighs how long a customer-facing capability was impaired", () => {
    expect(level({ capabilities: 1, impactMinutes: 59.9 })).toBe("MEDIUM");
    expect(level({ capabilities: 1, impactMinutes: 60 })).toBe("HIGH");
    expect(level({ capabilities: 1, impactMinutes: 239 })).toBe("HIGH");
    expect(level({ capabilities: 1, impactMinutes: 240 })).toBe("CRITICAL");
    // A long incident with no customer-facing capability is not escalated by duration alone.
    expect(level({ capabilities: 0, impactMinutes: 10_000 })).toBe("LOW");
    // While ongoing the duration is unknown and does not count.
    expect(level({ capabilities: 1, impactMinutes: null })).toBe("MEDIUM");
  });

  it("takes the most severe criterion and names it", () => {
    const assessment = assessBlastRadius({ ...none, services: 5, customerImpactPct: 75 });
    expect(assessment).toEqual({ level: "CRITICAL", reason: "50% or more of customers or requests affected" });
  });
});

describe("impact minutes", () => {
  const start = new Date("2026-11-02T10:00:00Z");
  it("runs to mitigation, else resolution, else is unknown", () => {
    expect(impactMinutes(start, new Date("2026-11-02T10:45:00Z"), new Date("2026-11-02T12:00:00Z"))).toBe(45);
    expect(impactMinutes(start, null, new Date("2026-11-02T12:00:00Z"))).toBe(120);
    expect(impactMinutes(start, null, null)).toBeNull();
  });
  it("never goes negative for stamps entered out of order", () => {
    expect(impactMinutes(start, new Date("2026-11-02T09:00:00Z"), null)).toBe(0);
  });
});
