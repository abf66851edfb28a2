import { describe, expect, it } from "vitest";
import { dayInZone, isValidTimeZone, listTimeZones, startOfDayInZone, startOfNextDayInZone } from "./time-zone";

describe("days in the organisation's time zone", () => {
  it("finds midnight in the zone", () => {
    expect(startOfDayInZone("2026-11-02", "UTC")?.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(startOfDayInZone("2026-11-02", "Europe/Berlin")?.toISOString()).toBe("2026-11-01T23:00:00.000Z");
    expect(startOfDayInZone("2026-07-02", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(startOfDayInZone("2026-11-02", "America/New_York")?.toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });
  it("makes daylight-saving days 23 or 25 hours long", () => {
    const spring = startOfDayInZone("2026-03-29", "Europe/Berlin")!;
    expect((startOfNextDayInZone("2026-03-29", "Europe/Berlin")!.getTime() - spring.getTime()) / 3_600_000).toBe(23);
    const autumn = startOfDayInZone("2026-10-25", "Europe/Berlin")!;
    expect((startOfNextDayInZone("2026-10-25", "Europe/Berlin")!.getTime() - autumn.getTime()) / 3_600_000).toBe(25);
  });
  it("rejects days that do not exist", () => {
    expect(startOfDayInZone("2026-02-30", "UTC")).toBeNull();
    expect(startOfDayInZone("26-2-3", "UTC")).toBeNull();
  });
  it("names the day an instant falls on", () => {
    expect(dayInZone(new Date("2026-11-01T23:30:00Z"), "Europe/Berlin")).toBe("2026-11-02");
    expect(dayInZone(new Date("2026-11-01T23:30:00Z"), "UTC")).toBe("2026-11-01");
  });
});

describe("valid time zones", () => {
  it("accepts UTC and canonical IANA zones", () => {
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(listTimeZones()[0]).toBe("UTC");
    expect(listTimeZones().length).toBeGreaterThan(300);
  });
  it("refuses unknown names, wrong case, offsets and empty input", () => {
    for (const zone of ["Mars/Olympus", "europe/berlin", "+02:00", "", " UTC", "Europe/Berlin; DROP TABLE"]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});
