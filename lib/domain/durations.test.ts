import { describe, expect, it } from "vitest";
import { incidentDurations } from "./durations";
import { formatDuration, formatWait } from "./format";

const t = (hhmm: string) => new Date(`2026-11-02T${hhmm}:00Z`);

describe("incident durations", () => {
  it("measures detect, mitigate and resolve from impact start", () => {
    const d = incidentDurations(
      { impactStartedAt: t("10:00"), detectedAt: t("10:07"), mitigatedAt: t("10:45"), resolvedAt: t("12:30") },
      t("18:00"),
    );
    expect(d).toEqual({
      toDetectMs: 7 * 60_000,
      toMitigateMs: 45 * 60_000,
      toResolveMs: 150 * 60_000,
      mitigateOngoing: false,
      resolveOngoing: false,
    });
  });
  it("counts open stages up to now", () => {
    const d = incidentDurations(
      { impactStartedAt: t("10:00"), detectedAt: t("10:05"), mitigatedAt: null, resolvedAt: null },
      t("11:00"),
    );
    expect(d.toMitigateMs).toBe(60 * 60_000);
    expect(d.toResolveMs).toBe(60 * 60_000);
    expect(d.mitigateOngoing && d.resolveOngoing).toBe(true);
  });
  it("takes resolution as mitigation when no mitigation was stamped", () => {
    const d = incidentDurations(
      { impactStartedAt: t("10:00"), detectedAt: null, mitigatedAt: null, resolvedAt: t("10:30") },
      t("18:00"),
    );
    expect(d.toDetectMs).toBeNull();
    expect(d.toMitigateMs).toBe(30 * 60_000);
    expect(d.mitigateOngoing).toBe(false);
  });
});

describe("formatting", () => {
  it("shows durations in their two largest units", () => {
    expect(formatDuration(42_000)).toBe("42s");
    expect(formatDuration(12 * 60_000)).toBe("12m");
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe("3h 05m");
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe("2d 4h");
    expect(formatDuration(-1)).toBe("—");
  });
  it("shows waits in seconds and minutes", () => {
    expect(formatWait(30)).toBe("30 s");
    expect(formatWait(120)).toBe("2 min");
    expect(formatWait(200)).toBe("3 min 20 s");
  });
});
