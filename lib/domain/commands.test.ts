import { describe, expect, it } from "vitest";
import { matchCommands, parseNumberQuery, type Command } from "./commands";

const pages: Command[] = [
  { id: "incidents", label: "Incidents", href: "/incidents", hint: "Go to" },
  { id: "declare", label: "Declare an incident", href: "/incidents/new", hint: "Action" },
  { id: "changes", label: "Changes", href: "/changes", hint: "Go to" },
];

describe("command palette matching", () => {
  it.each([
    ["#123", { id: 123 }],
    [" 42 ", { id: 42 }],
    ["incident 7", { id: 7, only: "incident" }],
    ["i#7", { id: 7, only: "incident" }],
    ["change 9", { id: 9, only: "change" }],
    ["c 9", { id: 9, only: "change" }],
  ])("reads %j as a number", (query, expected) => {
    expect(parseNumberQuery(query)).toEqual(expected);
  });

  it.each(["", "abc", "#0", "1234567890", "12a", "-3", "\u0000 1"])("does not read %j as a number", (query) => {
    expect(parseNumberQuery(query)).toBeNull();
  });

  it("offers both an incident and a change for a bare number", () => {
    expect(matchCommands("#12", pages).map((c) => c.href)).toEqual(["/incidents/12", "/changes/12"]);
    expect(matchCommands("change 12", pages).map((c) => c.href)).toEqual(["/changes/12"]);
  });

  it("filters pages by every word, case-insensitively", () => {
    expect(matchCommands("DECL inc", pages).map((c) => c.id)).toEqual(["declare"]);
    expect(matchCommands("", pages)).toHaveLength(3);
    expect(matchCommands("nothing like it", pages)).toEqual([]);
  });

  it("copes with absurd input", () => {
    expect(matchCommands("x".repeat(100_000), pages)).toEqual([]);
  });
});
