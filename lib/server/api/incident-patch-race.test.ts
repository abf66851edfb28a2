import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/incidents/[id]/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// PATCH /incidents/{id} with status AND severity must be one transaction: under a concurrent
// edit a 409 means nothing of the request was saved, a 200 means all of it was.

let database: TestDatabase;
let token: string;
let tokenOwner: SessionUser;
let colleague: SessionUser;
let serviceId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  tokenOwner = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  colleague = await createTestUser(db, { role: "ENGINEER", level: "MID" });
  serviceId = (await createTestService(db)).id;
  const created = newApiToken();
  await db.apiToken.create({
    data: {
      name: "pager",
      tokenHash: created.hash,
      prefix: created.prefix,
      scopes: ["incidents:write", "read"],
      createdById: tokenOwner.id,
    },
  });
  token = created.token;
});
afterAll(() => database.dispose());

const patch = (id: number, body: unknown) =>
  PATCH(
    new Request(`http://faultline.test/api/v1/incidents/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );

async function newIncident() {
  const input = {
    title: "Payments slow",
    severity: "SEV3" as const,
    impactStartedAt: new Date(Date.now() - 60_000),
    serviceIds: [serviceId],
  };
  return (await declareIncident({ actor: colleague, input })).id;
}

/** A colleague who reloads and retries until their status edit lands (as the form lets them). */
async function colleagueSetsStatus(id: number, delayMs: number) {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { version, status } = await database.connection.prisma.incident.findUniqueOrThrow({ where: { id } });
    const next = status === "MONITORING" ? "IDENTIFIED" : "MONITORING";
    try {
      return await updateIncidentStatus({
        actor: colleague,
        input: { incidentId: id, version, status: next, note: "" },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "STALE") throw error;
    }
  }
}

/** A colleague who watches the incident and moves it on the moment they see it IDENTIFIED. */
async function colleagueFollowsUp(id: number) {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { version, status } = await database.connection.prisma.incident.findUniqueOrThrow({ where: { id } });
    if (status !== "IDENTIFIED") continue;
    return updateIncidentStatus({
      actor: colleague,
      input: { incidentId: id, version, status: "MONITORING", note: "" },
    });
  }
}

describe("PATCH /incidents/{id} under concurrent edits", () => {
  it("saves status and severity together or not at all (30 rounds against a colleague's status edits)", async () => {
    const db = database.connection.prisma;
    const outcomes = { ok: 0, conflict: 0 };
    for (let round = 0; round < 30; round += 1) {
      const id = await newIncident();
      const [answer] = await Promise.all([
        patch(id, { version: 1, status: "IDENTIFIED", severity: "SEV1", reason: "Card payments fail" }),
        round % 2 ? colleagueSetsStatus(id, round % 10) : colleagueFollowsUp(id),
      ]);
      const severityNow = (await db.incident.findUniqueOrThrow({ where: { id } })).severity;
      const events = await db.timelineEvent.findMany({
        where: { incidentId: id, authorId: tokenOwner.id },
        select: { kind: true },
        orderBy: { id: "asc" },
      });
      const audits = await db.auditLog.count({
        where: { entityType: "Incident", entityId: String(id), actorId: tokenOwner.id },
      });
      if (answer.status === 200) {
        outcomes.ok += 1;
        expect(severityNow).toBe("SEV1");
        expect(events.map((e) => e.kind)).toEqual(["STATUS_CHANGED", "SEVERITY_CHANGED"]);
        expect(audits).toBe(2);
      } else {
        // A refusal means nothing of the request: old severity, no events, no audit rows.
        expect(answer.status).toBe(409);
        outcomes.conflict += 1;
        expect(severityNow).toBe("SEV3");
        expect(events).toEqual([]);
        expect(audits).toBe(0);
      }
    }
    expect(outcomes.ok + outcomes.conflict).toBe(30);
  });

  it("rolls the status back when the severity part is refused (same severity → 422, nothing saved)", async () => {
    const db = database.connection.prisma;
    const id = await newIncident();
    const response = await patch(id, { version: 1, status: "IDENTIFIED", severity: "SEV3", reason: "unchanged" });
    expect(response.status).toBe(422);
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "INVESTIGATING",
      version: 1,
    });
    expect(await db.timelineEvent.count({ where: { incidentId: id, authorId: tokenOwner.id } })).toBe(0);
  });

  it("answers 409 with both versions for a stale version and saves nothing", async () => {
    const id = await newIncident();
    const response = await patch(id, { version: 7, status: "IDENTIFIED" });
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toMatch(/version 7, it is at 1/);
  });
});
