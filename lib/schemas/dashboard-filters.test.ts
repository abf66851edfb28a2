import { describe, expect, it } from "vitest";
import { dashboardQuery, parseDashboardFilters } from "./dashboard-filters";

const now = new Date("2026-11-24T10:00:00Z");

describe("dashboard filters", () => {
  it("default to the last 12 full weeks", () => {
    expect(parseDashboardFilters({}, now, "UTC")).toEqual({
      range: { from: "2026-08-31", to: "2026-11-23" },
      teamIds: [],
      serviceIds: [],
      isDefaultRange: true,
    });
  });
  it("snap a custom range outwards to whole weeks", () => {
    const f = parseDashboardFilters({ from: "2026-10-21", to: "2026-11-03", team: "2" }, now, "UTC");
    expect(f).toMatchObject({ range: { from: "2026-10-19", to: "2026-11-09" }, teamIds: [2], isDefaultRange: false });
    expect(dashboardQuery(f)).toBe("from=2026-10-19&to=2026-11-08&team=2");
  });
  it("end at the last full week: the current one is shown so far, never counted as a whole week", () => {
    // Tuesday 24 Nov: the current week began on Monday 23 Nov.
    expect(parseDashboardFilters({ from: "2026-11-02", to: "2026-11-24" }, now, "UTC").range).toEqual({
      from: "2026-11-02",
      to: "2026-11-23",
    });
    // Only days of the current week: the last full week.
    expect(parseDashboardFilters({ from: "2026-11-23", to: "2026-11-24" }, now, "UTC").range).toEqual({
      from: "2026-11-16",
      to: "2026-11-23",
    });
    // On a Sunday, tomorrow (the date rule's last day) is next week's Monday.
    const sunday = new Date("2026-11-29T18:00:00Z"); // Monday 03:00 in Tokyo
    expect(parseDashboardFilters({ from: "2026-11-01", to: "2026-11-30" }, sunday, "UTC").range).toEqual({
      from: "2026-10-26",
      to: "2026-11-23",
    });
    // In Tokyo it is already Monday 30 Nov: last week is full there.
    expect(parseDashboardFilters({ from: "2026-11-01", to: "2026-11-30" }, sunday, "Asia/Tokyo").range).toEqual({
      from: "2026-10-26",
      to: "2026-11-30",
    });
  });
  it("ignore nonsense instead of failing", () => {
    expect(parseDashboardFilters({ from: "2026-11-30", to: "2026-11-01" }, now, "UTC").isDefaultRange).toBe(true);
    expect(parseDashboardFilters({ from: "1990-01-01", to: "2026-11-01" }, now, "UTC").isDefaultRange).toBe(true);
    // The one date rule: not before 2000, not past tomorrow, real days only.
    for (const [from, to] of [
      ["0000-01-01", "2026-11-01"],
      ["2026-01-01", "9999-12-31"],
      ["2026-02-30", "2026-11-01"],
    ])
      expect(parseDashboardFilters({ from, to }, now, "UTC").isDefaultRange, `${from}..${to}`).toBe(true);
    expect(parseDashboardFilters({ from: "soon", to: "later", team: "x" }, now, "UTC")).toMatchObject({
      isDefaultRange: true,
      teamIds: [],
    });
  });
});
