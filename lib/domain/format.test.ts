import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatDay,
  formatDecimal,
  formatDuration,
  formatMetric,
  roundHalfUp,
  wholeMinutes,
} from "./format";

describe("rounding once, at display", () => {
  it("shows a p90 of 11.85 h as 11.9 h, where toFixed after an SQL round said 11.8 h", () => {
    expect((11.85).toFixed(1)).toBe("11.8"); // the bug this guards against
    expect(formatMetric(11.85, "hours")).toBe("11.9 h");
    expect(formatMetric(42_660 / 3600, "hours")).toBe("11.9 h"); // 11 h 51 min
    expect(formatMetric(42_659 / 3600, "hours")).toBe("11.8 h");
  });

  it.each([
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [-0.04, 1, 0],
    [1234.5678, 1, 1234.6],
  ])("roundHalfUp(%d, %d) = %d", (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it("formats each unit", () => {
    expect(formatMetric(0.1235, "percent")).toBe("12.4%");
    expect(formatMetric(1 / 3, "percent")).toBe("33.3%");
    expect(formatMetric(3 / 7, "rate")).toBe("0.43");
    expect(formatMetric(4, "count")).toBe("4");
    expect(formatMetric(2.25, "count")).toBe("2.3");
    expect(formatMetric(null, "count")).toBe("—");
    expect(formatMetric(Number.NaN, "hours")).toBe("—");
    expect(formatDecimal(-0.001, 1)).toBe("0.0");
  });

  it("counts whole minutes the same way the duration text does", () => {
    const seconds = 3 * 3600 + 5 * 60 + 59.9;
    expect(wholeMinutes(seconds)).toBe(185);
    expect(formatDuration(seconds * 1000)).toBe("3h 05m");
    expect(wholeMinutes(59.999)).toBe(0);
    expect(wholeMinutes(0.1 * 3 * 600)).toBe(3); // 180.00000000000003 s
  });
});

describe("formatDay (dates without a time, in the formatDateTime style)", () => {
  it("writes a day as 24 Nov 2026, or 24 Nov when short", () => {
    expect(formatDay("2026-11-24")).toBe("24 Nov 2026");
    expect(formatDay("2026-11-24", { short: true })).toBe("24 Nov");
    // The same day and month words as a date-time.
    expect(formatDateTime(new Date("2026-11-24T09:05:00Z"), "UTC")).toMatch(/^24 Nov 2026/);
  });

  it("leaves anything else as it is", () => {
    expect(formatDay("W48")).toBe("W48");
    expect(formatDay("2026-13-45")).toBe("2026-13-45");
    expect(formatDay("2026-02-30")).toBe("2026-02-30");
    expect(formatDay("")).toBe("");
  });
});

describe("formatDateTime (kept formatters)", () => {
  it("formats each time zone in its own zone, however the calls interleave", () => {
    const instant = new Date("2026-11-24T23:30:00Z");
    for (let round = 0; round < 2; round++) {
      expect(formatDateTime(instant, "UTC")).toBe("24 Nov 2026, 23:30");
      expect(formatDateTime(instant, "Europe/Berlin")).toBe("25 Nov 2026, 00:30");
      expect(formatDateTime(instant, "America/New_York")).toBe("24 Nov 2026, 18:30");
      expect(formatDay("2026-11-24", { short: true })).toBe("24 Nov");
      expect(formatDay("2026-11-24")).toBe("24 Nov 2026");
    }
  });
});
