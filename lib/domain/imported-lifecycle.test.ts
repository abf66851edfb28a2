import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importedLifecycle, lifecycleOrderErrors } from "./imported-lifecycle";

const t = (iso: string) => new Date(iso);

describe("lifecycleOrderErrors", () => {
  it("accepts a history that reads forward, equal times included, with gaps", () => {
    expect(
      lifecycleOrderErrors({
        impactStartedAt: t("2026-08-03T10:00:00Z"),
        detectedAt: t("2026-08-03T10:00:00Z"),
        resolvedAt: t("2026-08-03T12:30:00Z"),
        reviewCompletedAt: t("2026-08-10T09:00:00Z"),
      }),
    ).toEqual({});
  });

  it("puts the error on the later field and names the earlier one", () => {
    const errors = lifecycleOrderErrors({
      impactStartedAt: t("2026-08-03T10:00:00Z"),
      detectedAt: t("2026-08-03T11:00:00Z"),
      mitigatedAt: t("2026-08-03T10:30:00Z"),
    });
    expect(Object.keys(errors)).toEqual(["mitigatedAt"]);
    expect(errors.mitigatedAt[0]).toContain("detectedAt");
  });

  it("refuses detection before impact and a review without resolution", () => {
    const errors = lifecycleOrderErrors({
      impactStartedAt: t("2026-08-03T10:00:00Z"),
      detectedAt: t("2026-08-03T09:59:59.999Z"),
      reviewCompletedAt: t("2026-08-04T10:00:00Z"),
    });
    expect(Object.keys(errors).sort()).toEqual(["detectedAt", "reviewCompletedAt"]);
  });

  it("finds no error exactly when the given times are sorted (property)", () => {
    const instant = fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(Date.UTC(2026, 0, 1) + m * 60_000));
    fc.assert(
      fc.property(instant, fc.option(instant), fc.option(instant), fc.option(instant), (impact, d, m, r) => {
        const given = [impact, d, m, r].filter((x): x is Date => x !== null).map((x) => x.getTime());
        const sorted = given.every((value, i) => i === 0 || given[i - 1] <= value);
        const errors = lifecycleOrderErrors({ impactStartedAt: impact, detectedAt: d, mitigatedAt: m, resolvedAt: r });
        expect(Object.keys(errors).length === 0).toBe(sorted);
      }),
    );
  });
});

describe("importedLifecycle", () => {
  it("derives status and the missing stamps the way the app would have", () => {
    const impact = t("2026-08-03T10:00:00Z");
    const resolved = t("2026-08-03T12:00:00Z");
    expect(importedLifecycle({ impactStartedAt: impact, resolvedAt: resolved })).toEqual({
      detectedAt: impact,
      mitigatedAt: resolved,
      resolvedAt: resolved,
      status: "RESOLVED",
    });
    expect(importedLifecycle({ impactStartedAt: impact, mitigatedAt: resolved }).status).toBe("MONITORING");
    expect(importedLifecycle({ impactStartedAt: impact }).status).toBe("INVESTIGATING");
  });
});
