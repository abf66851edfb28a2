import { describe, expect, it } from "vitest";
import { parseExpiry, parseScopes } from "./token-options";

const NOW = new Date("2026-11-29T10:00:00.000Z");
const KNOWN = ["read", "changes:write", "incidents:write", "import"];

describe("parseExpiry", () => {
  it("reads hours, days and weeks from now", () => {
    expect(parseExpiry("90d", NOW)?.toISOString()).toBe("2027-02-27T10:00:00.000Z");
    expect(parseExpiry("12h", NOW)?.toISOString()).toBe("2026-11-29T22:00:00.000Z");
    expect(parseExpiry("2w", NOW)?.toISOString()).toBe("2026-12-13T10:00:00.000Z");
  });
  it("reads a day or an instant, and never", () => {
    expect(parseExpiry("2027-01-31", NOW)?.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(parseExpiry("never", NOW)).toBeNull();
  });
  it("refuses what it cannot read", () => {
    for (const bad of ["", "0d", "90", "90 days", "-1d", "2027-13-45", "tomorrow"])
      expect(parseExpiry(bad, NOW), bad).toBeUndefined();
  });
});

describe("parseScopes", () => {
  it("expands write into both write scopes and keeps the known order", () => {
    expect(parseScopes("import, write,read", KNOWN)).toEqual({
      scopes: ["read", "changes:write", "incidents:write", "import"],
      unknown: [],
    });
  });
  it("names the scopes it does not know", () => {
    expect(parseScopes("read,approve,admin", KNOWN)).toEqual({ scopes: ["read"], unknown: ["approve", "admin"] });
  });
});
