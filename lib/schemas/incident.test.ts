import { describe, expect, it } from "vitest";
import { declareIncidentSchema } from "./incident";

const valid = {
  title: "Checkout returns 502",
  severity: "SEV2",
  impactStartedAt: "2026-11-02T10:00:00.000Z",
  serviceIds: ["3", "3", "5"],
};

describe("declare incident schema", () => {
  it("accepts the minimum an on-call engineer knows, and cleans it", () => {
    const parsed = declareIncidentSchema.parse({ ...valid, title: "  Checkout returns 502  " });
    expect(parsed).toEqual({
      title: "Checkout returns 502",
      severity: "SEV2",
      impactStartedAt: new Date("2026-11-02T10:00:00.000Z"),
      serviceIds: [3, 5],
    });
  });

  it.each([
    [{ title: "x" }, "title", /at least 3/],
    [{ title: "y".repeat(201) }, "title", /under 200/],
    [{ severity: "SEV5" }, "severity", /Sev1 to Sev4/],
    [{ impactStartedAt: "yesterday-ish" }, "impactStartedAt", /when the impact started/],
    [{ impactStartedAt: new Date(Date.now() + 3_600_000).toISOString() }, "impactStartedAt", /future/],
    [{ serviceIds: [] }, "serviceIds", /at least one/],
  ])("rejects %o with a message on %s", (patch, field, message) => {
    const result = declareIncidentSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});
