import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  alertDeliveryKey,
  DEFAULT_SEVERITY_MAPPING,
  firingEpisode,
  groupSeverity,
  parseEndsAt,
  type AlertFacts,
} from "./alert-groups";

const digest = (text: string) => createHash("sha256").update(text).digest("hex");
const alert = (overrides: Partial<AlertFacts> = {}): AlertFacts => ({
  status: "firing",
  labels: {},
  fingerprint: "a1",
  startsAt: new Date("2026-11-20T10:00:00Z"),
  endsAt: null,
  ...overrides,
});

describe("groupSeverity", () => {
  it("takes the most severe mapped label, falling back to the common label and the default", () => {
    expect(
      groupSeverity(
        [alert({ labels: { severity: "warning" } }), alert({ labels: { severity: "Critical" } })],
        {},
        DEFAULT_SEVERITY_MAPPING,
      ),
    ).toBe("SEV1");
    expect(groupSeverity([alert()], { severity: "page" }, DEFAULT_SEVERITY_MAPPING)).toBe("SEV2");
    expect(groupSeverity([alert({ labels: { severity: "unheard-of" } })], {}, DEFAULT_SEVERITY_MAPPING)).toBe("SEV3");
    expect(
      groupSeverity(
        [alert({ labels: { priority: "P1" } })],
        {},
        { severityLabel: "priority", severities: { p1: "SEV1" }, defaultSeverity: "SEV4" },
      ),
    ).toBe("SEV1");
  });
});

describe("alertDeliveryKey", () => {
  it("is the same for a resent identical group, whatever the alert order, and differs on any change", () => {
    const a = alert({ fingerprint: "a" });
    const b = alert({ fingerprint: "b", startsAt: new Date("2026-11-20T10:05:00Z") });
    const key = alertDeliveryKey(1, "g", "firing", [a, b], digest);
    expect(alertDeliveryKey(1, "g", "firing", [b, a], digest)).toBe(key);
    expect(alertDeliveryKey(1, "g", "resolved", [a, b], digest)).not.toBe(key);
    expect(alertDeliveryKey(2, "g", "firing", [a, b], digest)).not.toBe(key);
    expect(alertDeliveryKey(1, "g", "firing", [a, { ...b, endsAt: new Date() }], digest)).not.toBe(key);
    expect(alertDeliveryKey(1, "g", "firing", [a], digest)).not.toBe(key);
  });
});

describe("parseEndsAt", () => {
  it("reads Alertmanager's zero time as no end", () => {
    expect(parseEndsAt("0001-01-01T00:00:00Z")).toBeNull();
    expect(parseEndsAt(undefined)).toBeNull();
    expect(parseEndsAt("2026-11-20T10:30:00.123Z")).toEqual(new Date("2026-11-20T10:30:00.123Z"));
  });
});

describe("firingEpisode", () => {
  const mitigatedAt = new Date("2026-11-20T11:00:00Z");
  it("opens the first incident, stays with an unmitigated one, and opens a new one for alerts started after mitigation", () => {
    expect(firingEpisode(null, [alert()])).toEqual({ kind: "new", alerts: [alert()] });
    expect(firingEpisode({ mitigatedAt: null, resolvedAt: null }, [alert()])).toEqual({ kind: "same" });
    expect(firingEpisode({ mitigatedAt, resolvedAt: null }, [alert()])).toEqual({ kind: "same" });
    const refire = alert({ fingerprint: "a1", startsAt: new Date("2026-11-20T12:00:00Z") });
    expect(firingEpisode({ mitigatedAt, resolvedAt: null }, [alert({ fingerprint: "old" }), refire])).toEqual({
      kind: "new",
      alerts: [refire],
    });
  });
});
