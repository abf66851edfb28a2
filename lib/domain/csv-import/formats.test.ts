import { describe, expect, it } from "vitest";
import { INCIDENT_COLUMNS, CHANGE_COLUMNS } from "@/lib/reports/weekly-csv";
import { detectFormat, mapRow, severityOfPagerDuty } from "./formats";

describe("detectFormat", () => {
  it("recognises Faultline's own exports by their columns", () => {
    expect(detectFormat([...INCIDENT_COLUMNS])).toBe("faultline-incidents");
    expect(detectFormat([...CHANGE_COLUMNS])).toBe("faultline-changes");
  });
  it("recognises PagerDuty's export whatever the spelling of its headers", () => {
    expect(detectFormat(["Incident Number", "Title", "Urgency", "Service Name", "Created At", "Resolved At"])).toBe(
      "pagerduty",
    );
    expect(detectFormat(["incident_number", "description", "service_name", "created_on", "resolved_on"])).toBe(
      "pagerduty",
    );
  });
  it("says nothing about anything else", () => {
    expect(detectFormat(["name", "email"])).toBeNull();
  });
});

describe("mapRow", () => {
  it("maps a PagerDuty row: triggered = impact start = detection, priority before urgency", () => {
    const mapped = mapRow("pagerduty", {
      "Incident Number": "1042",
      Title: "Checkout 502s",
      Urgency: "high",
      Priority: "P1",
      "Service Name": "checkout",
      "Created At": "2026-08-04 08:00:00 +0200",
      "Resolved At": "2026-08-04T09:30:00Z",
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.row).toMatchObject({
      source: "pagerduty",
      externalId: "1042",
      severity: "SEV1",
      services: ["checkout"],
    });
    const row = mapped.row as { impactStartedAt: Date; detectedAt: Date; resolvedAt: Date };
    expect(row.impactStartedAt.toISOString()).toBe("2026-08-04T06:00:00.000Z");
    expect(row.detectedAt.toISOString()).toBe("2026-08-04T06:00:00.000Z");
    expect(row.resolvedAt.toISOString()).toBe("2026-08-04T09:30:00.000Z");
  });
  it("lists every problem of a bad row, with the column", () => {
    const mapped = mapRow("pagerduty", { incident_number: "", title: "x", created_at: "04/08/2026", service_name: "" });
    expect(mapped.row).toBeNull();
    expect(mapped.errors.join(" ")).toMatch(/priority.*urgency/);
    expect(mapped.errors.join(" ")).toContain('created_at "04/08/2026"');
    expect(mapped.errors).toContain("incident_number is empty.");
    expect(mapped.errors).toContain("No service is named.");
  });
  it("reads Faultline's incidents.csv back, services split on ;", () => {
    const mapped = mapRow("faultline-incidents", {
      incident_id: "7",
      title: "Search slow",
      severity: "SEV3",
      impact_started_at: "2026-08-04T08:00:00.000Z",
      detected_at: "2026-08-04T08:05:00.000Z",
      mitigated_at: "",
      resolved_at: "",
      services: "search;catalog",
    });
    expect(mapped.row).toMatchObject({ source: "faultline", externalId: "7", services: ["search", "catalog"] });
  });
});

describe("severityOfPagerDuty", () => {
  it("maps P1–P5 and falls back to urgency", () => {
    expect(["P1", "p2", "P3", "P4", "P5"].map((p) => severityOfPagerDuty(p, ""))).toEqual([
      "SEV1",
      "SEV2",
      "SEV3",
      "SEV4",
      "SEV4",
    ]);
    expect(severityOfPagerDuty("", "High")).toBe("SEV2");
    expect(severityOfPagerDuty("", "low")).toBe("SEV3");
    expect(severityOfPagerDuty("", "")).toBeNull();
  });
});
