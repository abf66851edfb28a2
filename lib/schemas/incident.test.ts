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
      customerImpactPct: null,
      failedTransactions: null,
    });
  });

  it("reads the optional declare fields from a form: blanks are absent, a suspect may carry its #", () => {
    const parsed = declareIncidentSchema.parse({
      ...valid,
      summary: "  p99 at 4 s ",
      commanderId: "",
      teamId: "7",
      regionIds: ["2", "2"],
      customerImpactPct: "12.5",
      suspectedChangeId: " #1234 ",
    });
    expect(parsed).toMatchObject({
      summary: "p99 at 4 s",
      commanderId: undefined,
      teamId: 7,
      regionIds: [2],
      customerImpactPct: 12.5,
      suspectedChangeId: 1234,
    });
    expect(declareIncidentSchema.parse({ ...valid, suspectedChangeId: "" }).suspectedChangeId).toBeUndefined();
  });

  it.each([
    [{ suspectedChangeId: "#abc" }, "suspectedChangeId", /change's number/],
    [{ suspectedChangeId: "99999999999" }, "suspectedChangeId", /change's number/],
    [{ summary: "x".repeat(5001) }, "summary", /under 5,000/],
    [{ customerImpactPct: "140" }, "customerImpactPct", /exceed 100/],
    [{ regionIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) }, "regionIds", /at most 100/],
    [{ commanderId: "-1" }, "commanderId", /commander/],
  ])("refuses %o on its field", (patch, field, message) => {
    const result = declareIncidentSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toMatch(message);
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
