import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/webhooks/alertmanager/[integrationId]/route";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { alertmanagerPayload } from "@/lib/server/testing/webhook-payloads";

let database: TestDatabase;
const db = () => database.connection.prisma;
const SECRET = "whsec_test_alertmanager";
let integrationId: number;
let defaultServiceId: number;
let paymentsServiceId: number;
let adminId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  const fallback = await createTestService(db());
  const payments = await createTestService(db());
  defaultServiceId = fallback.id;
  paymentsServiceId = payments.id;
  adminId = (await createTestUser(db(), { role: "ADMIN", level: "SENIOR" })).id;
  await db().outboundWebhook.create({
    data: {
      name: "pager bridge",
      url: "https://hooks.example.com/faultline",
      events: ["incident.declared", "incident.severity_raised"],
      secret: "outbound-secret",
      createdById: adminId,
    },
  });
  integrationId = (
    await db().integration.create({
      data: {
        kind: "ALERTMANAGER",
        name: "prod alerts",
        secret: SECRET,
        createdById: adminId,
        config: {
          severityLabel: "severity",
          severities: { critical: "SEV1", page: "SEV2", warning: "SEV3", info: "SEV4" },
          defaultSeverity: "SEV3",
          serviceLabel: "service",
          services: { pay: payments.slug },
          defaultService: fallback.slug,
        },
      },
    })
  ).id;
}, 120_000);
afterAll(() => database?.dispose());

function deliver(payload: unknown, options: { token?: string | null; raw?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/json",
    "user-agent": "Alertmanager/0.28.1",
  };
  const token = options.token === undefined ? SECRET : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const id = String(integrationId);
  return POST(
    new Request(`http://localhost/api/v1/webhooks/alertmanager/${id}`, {
      method: "POST",
      headers,
      body: options.raw ?? JSON.stringify(payload),
    }),
    { params: Promise.resolve({ integrationId: id }) },
  );
}

const incidentsOf = (groupKey: string) =>
  db().incident.findMany({
    where: { source: "alertmanager", externalKey: { startsWith: `${integrationId}:${groupKey}#` } },
    orderBy: { id: "asc" },
    include: { services: true, timeline: { orderBy: { id: "asc" } } },
  });

describe("Alertmanager webhook", () => {
  const firstStart = "2026-11-20T10:00:00.000Z";

  it("a firing group opens an incident with the mapped severity, service and earliest start", async () => {
    const groupKey = '{}:{alertname="CheckoutErrorRate"}';
    const response = await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [
          { fingerprint: "f1", severity: "warning", service: "pay", startsAt: "2026-11-20T10:05:00Z" },
          { fingerprint: "f2", severity: "page", startsAt: firstStart },
        ],
        summary: "Checkout error rate above 5%",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "processed", result: { outcome: "declared" } });
    const [incident] = await incidentsOf(groupKey);
    expect(incident).toMatchObject({
      title: "Checkout error rate above 5%",
      severity: "SEV2",
      status: "INVESTIGATING",
      impactStartedAt: new Date(firstStart),
      declaredById: adminId,
      externalKey: `${integrationId}:${groupKey}#${firstStart}`,
    });
    expect(incident.services.map((service) => service.serviceId)).toEqual([paymentsServiceId]);
    expect(incident.timeline[0]).toMatchObject({ kind: "DECLARED" });
    const audit = await db().auditLog.findFirst({ where: { entityType: "Incident", entityId: String(incident.id) } });
    expect(audit).toMatchObject({
      action: "incident.declared",
      actorLabel: "Alertmanager integration prod alerts",
      actorId: adminId,
    });
    const queued = await db().outboundDelivery.findMany({ where: { eventId: `incident-${incident.id}-declared` } });
    expect(queued).toHaveLength(1);
    expect(queued[0].payload).toMatchObject({
      event: "incident.declared",
      data: {
        incident: { id: incident.id, severity: "SEV2" },
        // The integration is the actor, not the person who created it.
        declaredBy: { id: null, name: "Alertmanager integration prod alerts" },
      },
    });
  });

  it("a repeat of the same group opens no duplicate; a new alert is noted; a more severe one escalates", async () => {
    const groupKey = '{}:{alertname="ApiLatency"}';
    const alerts = [{ alertname: "ApiLatency", fingerprint: "l1", severity: "warning", startsAt: firstStart }];
    await deliver(alertmanagerPayload({ groupKey, alerts }));
    const repeat = await deliver(alertmanagerPayload({ groupKey, alerts }));
    expect(await repeat.json()).toMatchObject({ status: "duplicate" });
    const more = [
      ...alerts,
      { alertname: "ApiLatency", fingerprint: "l2", severity: "warning", startsAt: "2026-11-20T10:10:00Z" },
    ];
    expect(await (await deliver(alertmanagerPayload({ groupKey, alerts: more }))).json()).toMatchObject({
      result: { outcome: "updated" },
    });
    const escalated = [
      ...more,
      { alertname: "ApiLatency", fingerprint: "l3", severity: "critical", startsAt: "2026-11-20T10:20:00Z" },
    ];
    await deliver(alertmanagerPayload({ groupKey, alerts: escalated }));
    const incidents = await incidentsOf(groupKey);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].severity).toBe("SEV1");
    expect(incidents[0].timeline.map((event) => event.kind)).toEqual(["DECLARED", "NOTE", "NOTE", "SEVERITY_CHANGED"]);
    expect(incidents[0].timeline[3].body).toContain("Severity raised from Sev3 to Sev1: Alertmanager:");
    // Each note is audited like a person's, under the integration's name (and its creator, who
    // answers for it, as for the severity change).
    const audit = await db().auditLog.findMany({
      where: { entityType: "Incident", entityId: String(incidents[0].id) },
      orderBy: { id: "asc" },
    });
    const raisedBy = audit.find((entry) => entry.action === "incident.severity_changed")!;
    expect(raisedBy.actorLabel).toBe("Alertmanager integration prod alerts");
    expect(
      audit
        .filter((entry) => entry.action === "incident.note_added")
        .map((entry) => [entry.actorId, entry.actorLabel, (entry.after as { body: string }).body]),
    ).toEqual(
      incidents[0].timeline
        .filter((event) => event.kind === "NOTE")
        .map((event) => [raisedBy.actorId, raisedBy.actorLabel, event.body]),
    );
    expect(
      await db().outboundDelivery.count({
        where: {
          event: "incident.severity_raised",
          eventId: `incident-${incidents[0].id}-severity-${incidents[0].timeline[3].id}`,
        },
      }),
    ).toBe(1);
    const raised = await db().outboundDelivery.findFirstOrThrow({ where: { event: "incident.severity_raised" } });
    expect((raised.payload as { data: { changedBy: unknown } }).data.changedBy).toEqual({
      id: null,
      name: "Alertmanager integration prod alerts",
    });
    expect(await db().outboundDelivery.count({ where: { eventId: `incident-${incidents[0].id}-declared` } })).toBe(0);
    // A lower severity later never lowers it automatically.
    await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [{ alertname: "ApiLatency", fingerprint: "l4", severity: "info", startsAt: "2026-11-20T10:30:00Z" }],
      }),
    );
    expect((await incidentsOf(groupKey))[0].severity).toBe("SEV1");
  });

  it("concurrent identical deliveries open one incident", async () => {
    const groupKey = '{}:{alertname="DiskFull"}';
    const payload = alertmanagerPayload({
      groupKey,
      alerts: [{ alertname: "DiskFull", fingerprint: "d1", severity: "critical", startsAt: firstStart }],
    });
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.filter((body) => body.status === "processed")).toHaveLength(1);
    expect(bodies.filter((body) => body.status === "duplicate")).toHaveLength(4);
    expect(await incidentsOf(groupKey)).toHaveLength(1);
  });

  it("a resolved group stamps mitigation (monitoring); firing again afterwards opens a new incident", async () => {
    const groupKey = '{}:{alertname="QueueBacklog"}';
    await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [{ alertname: "QueueBacklog", fingerprint: "q1", severity: "page", startsAt: firstStart }],
      }),
    );
    const endsAt = "2026-11-20T10:40:00.000Z";
    const resolved = await deliver(
      alertmanagerPayload({
        groupKey,
        status: "resolved",
        alerts: [{ alertname: "QueueBacklog", fingerprint: "q1", severity: "page", startsAt: firstStart, endsAt }],
      }),
    );
    expect(await resolved.json()).toMatchObject({ status: "processed", result: { outcome: "mitigated" } });
    let [incident] = await incidentsOf(groupKey);
    expect(incident).toMatchObject({ status: "MONITORING", mitigatedAt: new Date(endsAt), resolvedAt: null });
    expect(incident.timeline.at(-1)).toMatchObject({ kind: "STATUS_CHANGED" });

    const refire = await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [{ alertname: "QueueBacklog", fingerprint: "q1", severity: "page", startsAt: "2026-11-20T11:15:00Z" }],
      }),
    );
    expect(await refire.json()).toMatchObject({ result: { outcome: "declared" } });
    const incidents = await incidentsOf(groupKey);
    expect(incidents).toHaveLength(2);
    [, incident] = incidents;
    expect(incident).toMatchObject({ status: "INVESTIGATING", impactStartedAt: new Date("2026-11-20T11:15:00Z") });
    expect(incident.timeline[0].body).toContain(`incident #${incidents[0].id} was mitigated`);
  });

  it("a resolved group with no incident is acknowledged and changes nothing", async () => {
    const response = await deliver(
      alertmanagerPayload({
        groupKey: '{}:{alertname="Never"}',
        status: "resolved",
        alerts: [{ fingerprint: "n1", startsAt: firstStart, endsAt: "2026-11-20T10:01:00Z" }],
      }),
    );
    expect(await response.json()).toMatchObject({ result: { outcome: "ignored" } });
  });

  it("uses the default service when the service label maps to nothing", async () => {
    const groupKey = '{}:{alertname="Fallback"}';
    await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [{ alertname: "Fallback", fingerprint: "x1", service: "unknown-service", startsAt: firstStart }],
      }),
    );
    const [incident] = await incidentsOf(groupKey);
    expect(incident.services.map((service) => service.serviceId)).toEqual([defaultServiceId]);
    expect(incident.severity).toBe("SEV3");
  });

  it("a wrong or missing bearer is a 401, logged without the credential", async () => {
    const payload = alertmanagerPayload({
      groupKey: '{}:{alertname="Auth"}',
      alerts: [{ fingerprint: "a1", startsAt: firstStart }],
    });
    expect((await deliver(payload, { token: "nope" })).status).toBe(401);
    expect((await deliver(payload, { token: null })).status).toBe(401);
    const rejected = await db().rejectedDelivery.findFirst({
      where: { source: "alertmanager" },
      orderBy: { id: "desc" },
    });
    expect(rejected).toMatchObject({ status: 401, integrationId });
    expect(JSON.stringify(rejected?.headers)).not.toMatch(/authorization|Bearer/i);
    expect(await incidentsOf('{}:{alertname="Auth"}')).toHaveLength(0);
  });

  it("malformed bodies are 400/422 with a reason", async () => {
    expect((await deliver(null, { raw: "{" })).status).toBe(400);
    const wrongVersion = await deliver({
      ...alertmanagerPayload({ alerts: [{ fingerprint: "v", startsAt: firstStart }] }),
      version: "3",
    });
    expect(wrongVersion.status).toBe(422);
    expect((await wrongVersion.json()).detail).toContain("version");
    const noAlerts = await deliver({
      ...alertmanagerPayload({ alerts: [{ fingerprint: "v", startsAt: firstStart }] }),
      alerts: [],
    });
    expect(noAlerts.status).toBe(422);
    const rejected = await db().rejectedDelivery.findFirst({
      where: { source: "alertmanager" },
      orderBy: { id: "desc" },
    });
    expect(rejected?.reason).toContain("alerts");
  });

  it("says in the timeline when Alertmanager truncated the group (truncatedAlerts)", async () => {
    const groupKey = '{}:{alertname="TruncatedGroup"}';
    const alerts = [{ alertname: "TruncatedGroup", fingerprint: "t1", severity: "critical", startsAt: firstStart }];
    const response = await deliver({ ...alertmanagerPayload({ groupKey, alerts }), truncatedAlerts: 37 });
    expect(response.status).toBe(200);
    const [incident] = await incidentsOf(groupKey);
    expect(incident.timeline[0].body).toContain("left out 37 more alerts");
    expect(incident.timeline[0].data).toMatchObject({ truncatedAlerts: 37 });
    const more = [
      ...alerts,
      { alertname: "TruncatedGroup", fingerprint: "t2", severity: "critical", startsAt: firstStart },
    ];
    await deliver({ ...alertmanagerPayload({ groupKey, alerts: more }), truncatedAlerts: 1 });
    const note = (await incidentsOf(groupKey))[0].timeline.at(-1)!;
    expect(note.body).toMatch(/more alert firing.*left out 1 more alert of this group/);
  });

  it("refuses hostile payloads with a 4xx and opens nothing", async () => {
    const groupKey = '{}:{alertname="Hostile"}';
    const alert = { alertname: "Hostile", fingerprint: "h1", severity: "critical", startsAt: firstStart };
    const cases: [unknown, number, string?][] = [
      [alertmanagerPayload({ groupKey, alerts: [{ ...alert, summary: "nul \u0000 here" }] }), 422],
      [alertmanagerPayload({ groupKey, alerts: [{ ...alert, summary: "lone \ud800" }] }), 422],
      [alertmanagerPayload({ groupKey, alerts: [{ ...alert, startsAt: "0000-01-01T00:00:00Z" }] }), 422],
      [alertmanagerPayload({ groupKey, alerts: [{ ...alert, startsAt: "9999-01-01T00:00:00Z" }] }), 422],
    ];
    for (const [payload, status] of cases) {
      const response = await deliver(payload);
      expect(response.status, JSON.stringify(payload).slice(0, 200)).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const proto = await deliver(null, { raw: `{"__proto__": {"x": 1}, "version": "4"}` });
    expect(proto.status).toBe(422);
    const plain = await deliver(alertmanagerPayload({ groupKey, alerts: [alert] }), { contentType: "text/plain" });
    expect(plain.status).toBe(415);
    expect(await incidentsOf(groupKey)).toHaveLength(0);
  });

  it("declares and mitigates through the incident services: the same events, audit and timeline shape as a person", async () => {
    await db().outboundWebhook.updateMany({
      where: { name: "pager bridge" },
      data: { events: ["incident.declared", "incident.severity_raised", "incident.mitigated"] },
    });
    const shapeOf = (value: unknown): unknown =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]))
        : value === null || typeof value === "number"
          ? "number or null" // an integration has no person id: declaredBy.id is null
          : typeof value;
    const eventsOf = async (incidentId: number) =>
      (
        await db().outboundDelivery.findMany({
          where: { eventId: { startsWith: `incident-${incidentId}-` } },
          orderBy: { id: "asc" },
        })
      ).map((delivery) => ({ event: delivery.event, shape: shapeOf(delivery.payload) }));
    const auditOf = async (incidentId: number) =>
      (
        await db().auditLog.findMany({
          where: { entityType: "Incident", entityId: String(incidentId) },
          orderBy: { id: "asc" },
        })
      ).map((entry) => entry.action);

    // A person declares a Sev1 on a service and mitigates it.
    const person = await createTestUser(db(), { role: "ENGINEER", level: "SENIOR" });
    const byPerson = await declareIncident({
      actor: person,
      input: {
        title: "Checkout down (declared by a person)",
        severity: "SEV1",
        impactStartedAt: new Date(Date.now() - 600_000),
        serviceIds: [paymentsServiceId],
      },
    });
    const personVersion = (await db().incident.findUniqueOrThrow({ where: { id: byPerson.id } })).version;
    await updateIncidentStatus({
      actor: person,
      input: { incidentId: byPerson.id, version: personVersion, status: "MONITORING", note: "" },
    });

    // Alertmanager does the same for a group.
    const groupKey = '{}:{alertname="ParityCheck"}';
    const startsAt = new Date(Date.now() - 600_000).toISOString();
    const endsAt = new Date(Date.now() - 60_000).toISOString();
    await deliver(
      alertmanagerPayload({
        groupKey,
        alerts: [{ fingerprint: "p1", severity: "critical", service: "pay", startsAt }],
      }),
    );
    await deliver(
      alertmanagerPayload({
        groupKey,
        status: "resolved",
        alerts: [{ fingerprint: "p1", severity: "critical", service: "pay", startsAt, endsAt, status: "resolved" }],
      }),
    );
    const [byAlert] = await incidentsOf(groupKey);

    expect(await eventsOf(byAlert.id)).toEqual(await eventsOf(byPerson.id));
    expect((await eventsOf(byAlert.id)).map((e) => e.event)).toEqual(["incident.declared", "incident.mitigated"]);
    expect(await auditOf(byAlert.id)).toEqual(await auditOf(byPerson.id));
    expect(byAlert.timeline.map((event) => event.kind)).toEqual(["DECLARED", "STATUS_CHANGED"]);
    // What differs is who: nobody has taken command of an alert's incident; the integration is named.
    const personIncident = await db().incident.findUniqueOrThrow({ where: { id: byPerson.id } });
    expect(personIncident.commanderId).toBe(person.id);
    expect(byAlert.commanderId).toBeNull();
    expect(byAlert.timeline[0].body).toMatch(/^Declared as Sev1 by Alertmanager integration prod alerts: /);
    expect(byAlert.timeline[0].data).toMatchObject({ source: "alertmanager", fingerprints: ["p1"] });
    // Mitigation is stamped when the alert ended, not when the notification arrived.
    expect(byAlert).toMatchObject({ status: "MONITORING", mitigatedAt: new Date(endsAt) });
  });

  it("a resolved alert whose endsAt lies before the impact began mitigates at the impact's start, never before", async () => {
    const groupKey = '{}:{alertname="ClockSkew"}';
    const startsAt = new Date(Date.now() - 3_600_000).toISOString();
    const endsAt = new Date(Date.now() - 7_200_000).toISOString(); // the sender's clock, or a hostile body
    await deliver(alertmanagerPayload({ groupKey, alerts: [{ fingerprint: "s1", severity: "page", startsAt }] }));
    const resolved = await deliver(
      alertmanagerPayload({
        groupKey,
        status: "resolved",
        alerts: [{ fingerprint: "s1", severity: "page", startsAt, endsAt, status: "resolved" }],
      }),
    );
    expect(resolved.status).toBe(200);
    const [incident] = await incidentsOf(groupKey);
    expect(incident.mitigatedAt).toEqual(incident.impactStartedAt);
  });
});
