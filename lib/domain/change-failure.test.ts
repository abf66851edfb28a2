import { describe, expect, it } from "vitest";
import { isChangeFailed, isIncidentAiLinked } from "./change-failure";

describe("failed change", () => {
  const rolledBack = new Date("2026-11-03T10:00:00Z");
  it("fails when linked as trigger or root cause", () => {
    expect(isChangeFailed({ rolledBackAt: null, linkRoles: ["TRIGGER"] })).toBe(true);
    expect(isChangeFailed({ rolledBackAt: null, linkRoles: ["SUSPECTED", "ROOT_CAUSE"] })).toBe(true);
  });
  it("fails when rolled back, even with no incident", () => {
    expect(isChangeFailed({ rolledBackAt: rolledBack, linkRoles: [] })).toBe(true);
  });
  it("does not fail from contributing or suspected links alone", () => {
    expect(isChangeFailed({ rolledBackAt: null, linkRoles: ["CONTRIBUTING", "SUSPECTED"] })).toBe(false);
    expect(isChangeFailed({ rolledBackAt: null, linkRoles: [] })).toBe(false);
  });
});

describe("AI-linked incident", () => {
  it("needs an AI-assisted trigger or root-cause change", () => {
    expect(isIncidentAiLinked([{ role: "TRIGGER", aiAssisted: true }])).toBe(true);
    expect(
      isIncidentAiLinked([
        { role: "ROOT_CAUSE", aiAssisted: true },
        { role: "TRIGGER", aiAssisted: false },
      ]),
    ).toBe(true);
    expect(
      isIncidentAiLinked([
        { role: "CONTRIBUTING", aiAssisted: true },
        { role: "TRIGGER", aiAssisted: false },
      ]),
    ).toBe(false);
    expect(isIncidentAiLinked([{ role: "SUSPECTED", aiAssisted: true }])).toBe(false);
    expect(isIncidentAiLinked([])).toBe(false);
  });
});
