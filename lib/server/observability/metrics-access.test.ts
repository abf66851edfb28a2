import { describe, expect, it } from "vitest";
import { metricsAccess } from "./metrics-access";

const TOKEN = "0123456789abcdef0123456789abcdef";

describe("metricsAccess", () => {
  it("is off when no token is configured, whatever the request sends", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("off");
    expect(metricsAccess(null, "")).toBe("off");
  });

  it("refuses a configured token that is too short to be secret", () => {
    expect(metricsAccess("Bearer short", "short")).toBe("misconfigured");
  });

  it("allows only the exact token as a bearer", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    for (const header of [
      null,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN} extra`,
      `Bearer ${TOKEN}\u0000`,
      `Bearer ${"a".repeat(100_000)}`,
    ])
      expect(metricsAccess(header, TOKEN)).toBe("unauthenticated");
  });
});
