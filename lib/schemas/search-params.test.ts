import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/server/queries/incidents/list-incidents";
import { parseChangeFilters } from "./change-filters";
import { parseIncidentFilters } from "./incident-filters";
import { firstParam, idList, idParam, listParam } from "./search-params";

// List pages read their filters from the URL; what no query can use is dropped, never sent to
// PostgreSQL (a NUL there is a 500, an id beyond 2^31 − 1 an integer overflow).
describe("reading list filters from a URL", () => {
  it("drops values with a NUL or an unpaired surrogate", () => {
    expect(firstParam("checkout\u0000")).toBeUndefined();
    expect(firstParam("\ud800")).toBeUndefined();
    expect(listParam(["SEV1,\u0000,SEV2", "\udc00"])).toEqual(["SEV1", "SEV2"]);
    expect(parseChangeFilters({ q: "deploy\u0000" }).q).toBeUndefined();
    expect(parseIncidentFilters({ q: "\ud83d" }).q).toBeUndefined();
    expect(parseIncidentFilters({ q: "latency 🔥" }).q).toBe("latency 🔥");
  });

  it("reads a record id only when PostgreSQL can hold it", () => {
    expect(idParam("42")).toBe(42);
    expect(idParam("2147483647")).toBe(2147483647);
    for (const bad of ["2147483648", "1e30", "1.5", "-3", "0", "0x10", " ", "9999999999"])
      expect(idParam(bad), bad).toBeUndefined();
    // One rule for a single id and a list of them.
    expect(idList("1,2,abc,99999999999,2147483647,2147483648,1e3")).toEqual([1, 2, 2147483647]);
  });

  it("refuses incident cursors no page could have made", () => {
    expect(decodeCursor("1764547200000_12")).toEqual({ impactStartedAt: new Date(1764547200000), id: 12 });
    expect(decodeCursor("1764547200000_2147483648")).toBeUndefined();
    expect(decodeCursor("999999999999999_12")).toBeUndefined(); // year 33658
    expect(decodeCursor("1764547200000_0")).toBeUndefined();
    expect(decodeCursor("0_12")).toBeUndefined(); // 1970: before the date rule's first day
  });
});
