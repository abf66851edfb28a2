import { describe, expect, it } from "vitest";
import { parseTheme, themeClass } from "./theme";

describe("theme", () => {
  it("reads the three choices and falls back to following the system on anything else", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    for (const bad of [undefined, "", "DARK", "dark; x", "constructor", "__proto__"]) {
      expect(parseTheme(bad)).toBe("system");
    }
  });

  it("puts a class on <html> only for an explicit choice (the cookie value never reaches the markup)", () => {
    expect(themeClass("system")).toBe("");
    expect(themeClass(parseTheme('dark" onload="x'))).toBe("");
    expect(themeClass("dark")).toBe("dark");
  });
});
