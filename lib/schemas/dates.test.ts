import { describe, expect, it } from "vitest";
import { dateRangeProblem, day, dueDate, instant, isRealDay, parseInstantText, pastInstant } from "./dates";

const now = new Date("2026-11-29T12:00:00Z");

describe("the one date rule", () => {
  it("knows real calendar days, leap years included", () => {
    expect(isRealDay("2024-02-29")).toBe(true);
    expect(isRealDay("2026-02-29")).toBe(false);
    expect(isRealDay("2026-02-30")).toBe(false);
    expect(isRealDay("2026-04-31")).toBe(false);
    expect(isRealDay("2026-13-01")).toBe(false);
    expect(isRealDay("0000-01-01")).toBe(true); // a real day, refused by the range below
  });

  it("parses date-times without rolling impossible ones over", () => {
    expect(parseInstantText("2026-02-30T10:00")).toBeNull();
    expect(parseInstantText("2026-02-28T24:00")).toBeNull();
    expect(parseInstantText("2026-11-24T08:15:00Z")?.toISOString()).toBe("2026-11-24T08:15:00.000Z");
    expect(parseInstantText("2026-11-24T08:15:00+02:00")?.toISOString()).toBe("2026-11-24T06:15:00.000Z");
    expect(parseInstantText("yesterday")).toBeNull();
  });

  it("accepts 2000-01-01 up to a day ahead; due dates up to five years ahead", () => {
    expect(dateRangeProblem(new Date("2000-01-01T00:00:00Z"), "instant", now)).toBeNull();
    expect(dateRangeProblem(new Date("1999-12-31T23:59:59Z"), "instant", now)).toMatch(/Too early/);
    expect(dateRangeProblem(new Date("0001-01-01T00:00:00Z"), "instant", now)).toMatch(/Too early/);
    expect(dateRangeProblem(new Date("1900-01-01T00:00:00Z"), "instant", now)).toMatch(/Too early/);
    expect(dateRangeProblem(new Date("2026-11-30T11:59:00Z"), "instant", now)).toBeNull();
    expect(dateRangeProblem(new Date("2026-11-30T12:01:00Z"), "instant", now)).toMatch(/future/);
    expect(dateRangeProblem(new Date("2031-11-28T00:00:00Z"), "due", now)).toBeNull();
    expect(dateRangeProblem(new Date("2031-11-30T00:00:00Z"), "due", now)).toMatch(/five|5 years/);
    expect(dateRangeProblem(new Date("9999-12-31T00:00:00Z"), "due", now)).not.toBeNull();
  });

  it("schemas refuse year 0000 and 9999, impossible days, and accept a normal value", () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    expect(instant().safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(instant().safeParse("9999-01-01T00:00:00Z").success).toBe(false);
    expect(instant().safeParse("2026-02-30T10:00").success).toBe(false);
    expect(instant().parse(at).toISOString()).toBe(at);
    expect(pastInstant().safeParse(new Date(Date.now() + 3_600_000).toISOString()).success).toBe(false);
    expect(day().safeParse("2026-02-30").success).toBe(false);
    expect(day().safeParse("0000-01-01").success).toBe(false);
    expect(day().safeParse("2026-11-02").success).toBe(true);
    expect(dueDate().safeParse("2026-02-30").success).toBe(false);
    const nextYear = `${new Date().getUTCFullYear() + 1}-03-01`;
    expect(dueDate().parse(nextYear).toISOString()).toBe(`${nextYear}T00:00:00.000Z`);
    expect(dueDate().safeParse(`${new Date().getUTCFullYear() + 6}-01-01`).success).toBe(false);
  });
});
