import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLocalDateTime, toLocalInput } from "./local-date-time";

describe("readLocalDateTime", () => {
  it("reads a local date-time as the instant it names", () => {
    const reading = readLocalDateTime("2026-11-24T09:05");
    expect(reading).toEqual({ kind: "valid", iso: new Date(2026, 10, 24, 9, 5).toISOString() });
  });

  it("treats an empty field as empty", () => {
    expect(readLocalDateTime("")).toEqual({ kind: "empty" });
    expect(readLocalDateTime("  ")).toEqual({ kind: "empty" });
  });

  it("refuses a five-digit year (what typing on into the year gives) with a message", () => {
    const reading = readLocalDateTime("20261-11-24T09:05");
    expect(reading.kind).toBe("invalid");
    expect(new Date("20261-11-24T09:05").getTime()).toBeNaN(); // the value that crashed the page
  });

  it("refuses days that do not exist and incomplete input", () => {
    expect(readLocalDateTime("2026-04-31T10:00").kind).toBe("invalid");
    expect(readLocalDateTime("2026-02-29T10:00").kind).toBe("invalid");
    expect(readLocalDateTime("2026-13-01T10:00").kind).toBe("invalid");
    expect(readLocalDateTime("2026-11-24T24:00").kind).toBe("invalid");
    expect(readLocalDateTime("", true).kind).toBe("invalid");
    expect(readLocalDateTime("yesterday").kind).toBe("invalid");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (text, incomplete) => {
        const reading = readLocalDateTime(text, incomplete);
        if (reading.kind === "valid") expect(Number.isNaN(Date.parse(reading.iso))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T10:00`;
          expect(() => readLocalDateTime(text)).not.toThrow();
        },
      ),
    );
  });

  it("round-trips with toLocalInput, and toLocalInput does not throw on an invalid date", () => {
    const now = new Date(2026, 10, 29, 5, 30);
    const reading = readLocalDateTime(toLocalInput(now));
    expect(reading).toEqual({ kind: "valid", iso: now.toISOString() });
    expect(toLocalInput(new Date(Number.NaN))).toBe("");
  });
});
