import { describe, expect, it } from "vitest";
import {
  addDays,
  isDay,
  isoWeekToMonday,
  lastFullWeeks,
  mondayOf,
  mondayToIsoWeek,
  weekOf,
  zonedMidnight,
} from "./weeks";

describe("weeks", () => {
  it("finds the Monday of any day", () => {
    expect(mondayOf("2026-11-16")).toBe("2026-11-16");
    expect(mondayOf("2026-11-22")).toBe("2026-11-16");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });
  it("places an instant in the week of the organisation's time zone", () => {
    const sundayNightUtc = new Date("2026-11-22T23:30:00Z");
    expect(weekOf(sundayNightUtc, "UTC")).toBe("2026-11-16");
    expect(weekOf(sundayNightUtc, "Europe/Berlin")).toBe("2026-11-23");
    expect(weekOf(sundayNightUtc, "America/Los_Angeles")).toBe("2026-11-16");
  });
  it("defaults to the last 12 full weeks", () => {
    expect(lastFullWeeks(12, new Date("2026-11-24T10:00:00Z"), "UTC")).toEqual({
      from: "2026-08-31",
      to: "2026-11-23",
    });
    expect((Date.parse("2026-11-23") - Date.parse("2026-08-31")) / (7 * 86_400_000)).toBe(12);
  });
  it("makes DST weeks shorter or longer", () => {
    const start = zonedMidnight("2026-10-19", "Europe/Berlin").getTime();
    const dstWeek = zonedMidnight("2026-10-26", "Europe/Berlin").getTime();
    const after = zonedMidnight("2026-11-02", "Europe/Berlin").getTime();
    expect((dstWeek - start) / 3_600_000).toBe(169);
    expect((after - dstWeek) / 3_600_000).toBe(168);
  });
  it("validates days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("yesterday")).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("ISO weeks", () => {
  it("map to their Monday and back", () => {
    expect(isoWeekToMonday("2026-W47")).toBe("2026-11-16");
    expect(mondayToIsoWeek("2026-11-16")).toBe("2026-W47");
    expect(isoWeekToMonday("2026-W01")).toBe("2025-12-29");
    expect(mondayToIsoWeek("2025-12-29")).toBe("2026-W01");
    expect(isoWeekToMonday("2026-W53")).toBe("2026-12-28"); // 2026 has 53 ISO weeks
    expect(isoWeekToMonday("2027-W53")).toBeNull();
    expect(isoWeekToMonday("2026-47")).toBeNull();
  });
});
