import { describe, expect, it } from "vitest";
import { containsPattern, linkSearchSchema, numberInQuery } from "./link-search";

describe("link search input", () => {
  it("reads numbers as ids in the forms people type", () => {
    expect(numberInQuery("42")).toBe(42);
    expect(numberInQuery("#42")).toBe(42);
    expect(numberInQuery("INC-42")).toBe(42);
    expect(numberInQuery("inc 7")).toBe(7);
    expect(numberInQuery("pool 42")).toBeNull();
    expect(numberInQuery("9999999999")).toBeNull();
    expect(numberInQuery("")).toBeNull();
  });

  it("takes the user's % and _ literally", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("bounds the query", () => {
    expect(linkSearchSchema.safeParse({ query: "x".repeat(201) }).success).toBe(false);
    expect(linkSearchSchema.parse({ query: "  pool  " })).toEqual({ query: "pool" });
    expect(linkSearchSchema.safeParse({ query: "a", incidentId: "-1" }).success).toBe(false);
  });
});
