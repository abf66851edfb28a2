import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { addTimelineNote } from "./add-timeline-note";
import { changeIncidentSeverity } from "./change-incident-severity";
import { changeLinkRole } from "./change-link-role";
import { completeReview } from "./complete-review";
import { declareIncident } from "./declare-incident";
import { linkChange } from "./link-change";
import { unlinkChange } from "./unlink-change";
import { updateBlastRadius } from "./update-blast-radius";
import { updateIncidentDetails } from "./update-incident-details";
import { updateIncidentStatus } from "./update-incident-status";
import { updateReview } from "./update-review";

let database: TestDatabase;
let db: Db;
let engineer: SessionUser;
let manager: SessionUser;
let serviceId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  engineer = await createTestUser(db, { role: "ENGINEER", level: "MID" });
  manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
  serviceId = (await createTestService(db)).id;
});
afterAll(() => database.dispose());

async function newIncident() {
  const { id } = await declareIncident({
    actor: engineer,
    input: {
      title: "Checkout down",
      severity: "SEV2",
      impactStartedAt: new Date(Date.now() - 3_600_000),
      serviceIds: [serviceId],
    },
  });
  return id;
}
const versionOf = async (id: number) =>
  (await db.incident.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("status lifecycle", () => {
  it("moves the status, stamps the times and writes timeline and audit", async () => {
    const id = await newIncident();
    await updateIncidentStatus({
      actor: engineer,
      input: { incidentId: id, version: 1, status: "IDENTIFIED", note: "Found it" },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "IDENTIFIED",
      mitigatedAt: null,
      resolvedAt: null,
      version: 2,
    });
    await updateIncidentStatus({
      actor: engineer,
      input: { incidentId: id, version: 2, status: "RESOLVED", note: "" },
    });
    const resolved = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.mitigatedAt).toEqual(resolved.resolvedAt);
    const events = await db.timelineEvent.findMany({
      where: { incidentId: id, kind: "STATUS_CHANGED" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.body)).toEqual(["Investigating → Identified: Found it", "Identified → Resolved"]);
    expect(await db.auditLog.count({ where: { entityId: String(id), action: "incident.status_changed" } })).toBe(2);
  });

  it("refuses a stale version and changes nothing", async () => {
    const id = await newIncident();
    await updateIncidentStatus({
      actor: engineer,
      input: { incidentId: id, version: 1, status: "MONITORING", note: "" },
    });
    await expect(
      updateIncidentStatus({ actor: engineer, input: { incidentId: id, version: 1, status: "RESOLVED", note: "" } }),
    ).rejects.toMatchObject({ code: "STALE", status: 409 });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "MONITORING",
      resolvedAt: null,
      version: 2,
    });
    expect(await db.timelineEvent.count({ where: { incidentId: id, kind: "STATUS_CHANGED" } })).toBe(1);
  });

  it("is forbidden to managers and says so", async () => {
    const id = await newIncident();
    await expect(
      updateIncidentStatus({ actor: manager, input: { incidentId: id, version: 1, status: "IDENTIFIED", note: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addTimelineNote({ actor: manager, input: { incidentId: id, body: "hi" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers 404 for an unknown incident", async () => {
    await expect(
      updateIncidentStatus({
        actor: engineer,
        input: { incidentId: 999_999, version: 1, status: "IDENTIFIED", note: "" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("severity, details and blast radius", () => {
  it("logs who changed the severity and why", async () => {
    const id = await newIncident();
    await changeIncidentSeverity({
      actor: engineer,
      input: { incidentId: id, version: 1, severity: "SEV1", reason: "All regions down" },
    });
    const event = await db.timelineEvent.findFirstOrThrow({ where: { incidentId: id, kind: "SEVERITY_CHANGED" } });
    expect(event).toMatchObject({ authorId: engineer.id, body: "Severity raised from Sev2 to Sev1: All regions down" });
  });

  it("records a commander change on the timeline", async () => {
    const id = await newIncident();
    await updateIncidentDetails({
      actor: engineer,
      input: {
        incidentId: id,
        version: 1,
        title: "Checkout down in EU",
        summary: "Card payments fail",
        commanderId: manager.id,
      },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Checkout down in EU",
      commanderId: manager.id,
      version: 2,
    });
    expect(await db.timelineEvent.count({ where: { incidentId: id, kind: "COMMANDER_CHANGED" } })).toBe(1);
  });

  it("derives the level from the facts", async () => {
    const id = await newIncident();
    const region = await db.region.create({ data: { code: `r-${id}`, name: "Region" } });
    const region2 = await db.region.create({ data: { code: `r2-${id}`, name: "Region 2" } });
    await updateBlastRadius({
      actor: engineer,
      input: {
        incidentId: id,
        version: 1,
        serviceIds: [serviceId],
        regionIds: [region.id, region2.id],
        capabilityIds: [],
        customerImpactPct: 0.5,
        failedTransactions: null,
      },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ blastRadiusLevel: "HIGH" });
    await updateBlastRadius({
      actor: engineer,
      input: {
        incidentId: id,
        version: 2,
        serviceIds: [serviceId],
        regionIds: [],
        capabilityIds: [],
        customerImpactPct: 60,
        failedTransactions: null,
      },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ blastRadiusLevel: "CRITICAL" });
  });
});

describe("originating changes", () => {
  it("links, re-roles and unlinks, each on the timeline; a duplicate link is a conflict", async () => {
    const id = await newIncident();
    const change = await registerChange({
      actor: engineer,
      input: {
        kind: "DEPLOY",
        title: "Pool change",
        serviceId,
        repository: null,
        externalId: null,
        externalUrl: null,
        authorId: engineer.id,
        shippedAt: new Date(Date.now() - 7_200_000),
        aiAssisted: true,
        aiToolId: null,
        aiInvolvement: "AGENT_AUTHORED",
      },
    });
    await linkChange({ actor: engineer, input: { incidentId: id, changeId: change.id, role: "SUSPECTED" } });
    await expect(
      linkChange({ actor: engineer, input: { incidentId: id, changeId: change.id, role: "TRIGGER" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await changeLinkRole({ actor: engineer, input: { incidentId: id, changeId: change.id, role: "TRIGGER" } });
    expect(
      await db.incidentChange.findUniqueOrThrow({
        where: { incidentId_changeId: { incidentId: id, changeId: change.id } },
      }),
    ).toMatchObject({ role: "TRIGGER" });
    await unlinkChange({ actor: engineer, input: { incidentId: id, changeId: change.id } });
    expect(await db.incidentChange.count({ where: { incidentId: id } })).toBe(0);
    const kinds = (await db.timelineEvent.findMany({ where: { incidentId: id }, orderBy: { id: "asc" } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(["DECLARED", "CHANGE_LINKED", "CHANGE_LINK_UPDATED", "CHANGE_UNLINKED"]);
  });
});

describe("post-incident review", () => {
  const draft = {
    whatHappened: "A bad deploy",
    customerImpact: "Checkout failed",
    rootCause: "Pool halved",
    fiveWhys: ["a", "b", "c", "", ""],
    lessons: "Canary",
    factorIds: [],
  };

  it("completes only when resolved and written, and managers may write it", async () => {
    const id = await newIncident();
    await updateReview({ actor: manager, input: { incidentId: id, version: 1, ...draft, rootCause: "" } });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      reviewStatus: "IN_PROGRESS",
      reviewFiveWhys: ["a", "b", "c"],
    });
    const error = await completeReview({ actor: manager, input: { incidentId: id, version: 2 } }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["rootCause", "status"]);

    await updateReview({ actor: manager, input: { incidentId: id, version: 2, ...draft } });
    await updateIncidentStatus({
      actor: engineer,
      input: { incidentId: id, version: await versionOf(id), status: "RESOLVED", note: "" },
    });
    await completeReview({ actor: manager, input: { incidentId: id, version: await versionOf(id) } });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewStatus: "COMPLETE" });
  });
});
