// Every dashboard series against a small dataset whose figures were worked out by hand
// (see the comments), in a non-UTC time zone with a daylight-saving change in range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/connection";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getDashboard } from "./get-dashboard";
import type { MetricScope } from "./metric-scope";

const TZ = "America/New_York"; // EDT until Sun 1 Nov 2026 02:00, then EST
const NOW = new Date("2026-11-24T12:00:00Z");
let database: TestDatabase;
let db: Db;
let scope: MetricScope;
let team2: number;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  const user = await createTestUser(db);
  const t1 = await db.team.create({ data: { name: "T1", slug: "t1" } });
  const t2 = await db.team.create({ data: { name: "T2", slug: "t2" } });
  team2 = t2.id;
  const s1 = await db.service.create({ data: { name: "s1", slug: "s1", teamId: t1.id } });
  const s2 = await db.service.create({ data: { name: "s2", slug: "s2", teamId: t2.id } });
  const kiro = await db.aiTool.create({ data: { name: "Kiro", slug: "kiro" } });
  const cursor = await db.aiTool.create({ data: { name: "Cursor", slug: "cursor" } });

  const change = (title: string, data: Record<string, unknown>) =>
    db.change.create({ data: { kind: "DEPLOY", title, serviceId: s1.id, ...data } as never, select: { id: true } });
  const C1 = await change("C1", {
    aiAssisted: true,
    aiToolId: kiro.id,
    authorLevel: "JUNIOR",
    shippedAt: new Date("2026-10-20T10:00:00Z"),
    approvalRequired: true,
    approvalState: "APPROVED",
    approvalDecidedAt: new Date("2026-10-20T09:00:00Z"),
  });
  const C2 = await change("C2", {
    aiAssisted: true,
    aiToolId: kiro.id,
    authorLevel: "SENIOR",
    shippedAt: new Date("2026-10-25T20:00:00Z"),
  }); // Sun 16:00 EDT
  const C3 = await change("C3", { aiAssisted: false, authorLevel: "MID", shippedAt: new Date("2026-10-26T02:00:00Z") }); // Sun 22:00 EDT → week of 19 Oct
  const C4 = await change("C4", {
    aiAssisted: true,
    aiToolId: cursor.id,
    authorLevel: "JUNIOR",
    shippedAt: new Date("2026-11-10T10:00:00Z"),
    approvalRequired: true,
    approvalState: "PENDING",
  });
  await change("C5", {
    aiAssisted: false,
    authorLevel: "SENIOR",
    shippedAt: new Date("2026-11-03T12:00:00Z"),
    rolledBackAt: new Date("2026-11-03T13:00:00Z"),
  });
  await change("C6", {
    aiAssisted: false,
    authorLevel: "MID",
    serviceId: s2.id,
    shippedAt: new Date("2026-11-04T12:00:00Z"),
  });
  await change("C7", {
    aiAssisted: true,
    aiToolId: kiro.id,
    authorLevel: "MID",
    approvalRequired: true,
    approvalState: "PENDING",
  }); // not shipped
  const C8 = await change("C8", {
    aiAssisted: true,
    aiToolId: cursor.id,
    authorLevel: "MID",
    shippedAt: new Date("2026-10-12T12:00:00Z"),
  }); // before the range

  const incident = async (
    title: string,
    data: Record<string, unknown>,
    serviceId: number,
    links: Array<[number, string]>,
  ) => {
    const i = await db.incident.create({
      data: { title, ...data, services: { create: [{ serviceId }] } } as never,
      select: { id: true },
    });
    for (const [changeId, role] of links)
      await db.incidentChange.create({ data: { incidentId: i.id, changeId, role: role as never } });
    return i;
  };
  const h = 3_600_000;
  const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * h);
  await incident(
    "I1",
    {
      severity: "SEV1",
      blastRadiusLevel: "HIGH",
      impactStartedAt: at("2026-10-20T15:00:00Z"),
      resolvedAt: at("2026-10-20T15:00:00Z", 2),
      status: "RESOLVED",
    },
    s1.id,
    [[C1.id, "TRIGGER"]],
  );
  // Sun 25 Oct 23:30 EDT: still the week of 19 Oct in New York (it is Monday in UTC).
  await incident(
    "I2",
    {
      severity: "SEV2",
      blastRadiusLevel: "MEDIUM",
      impactStartedAt: at("2026-10-26T03:30:00Z"),
      resolvedAt: at("2026-10-26T03:30:00Z", 4),
      status: "RESOLVED",
    },
    s1.id,
    [
      [C2.id, "CONTRIBUTING"],
      [C3.id, "ROOT_CAUSE"],
    ],
  );
  await incident(
    "I3",
    {
      severity: "SEV2",
      blastRadiusLevel: "CRITICAL",
      impactStartedAt: at("2026-10-26T04:30:00Z"),
      resolvedAt: at("2026-10-26T04:30:00Z", 10),
      status: "RESOLVED",
    },
    s1.id,
    [[C8.id, "TRIGGER"]],
  );
  // Sun 8 Nov 18:00 EST, resolved two days later: belongs to the week of 2 Nov.
  const I4 = await incident(
    "I4",
    {
      severity: "SEV3",
      blastRadiusLevel: "LOW",
      impactStartedAt: at("2026-11-08T23:00:00Z"),
      resolvedAt: at("2026-11-08T23:00:00Z", 48),
      status: "RESOLVED",
    },
    s2.id,
    [[C1.id, "ROOT_CAUSE"]],
  );
  await incident(
    "I5",
    {
      severity: "SEV2",
      blastRadiusLevel: "MEDIUM",
      impactStartedAt: at("2026-11-10T12:00:00Z"),
      status: "INVESTIGATING",
    },
    s1.id,
    [[C4.id, "TRIGGER"]],
  );

  await db.actionItem.createMany({
    data: [
      {
        incidentId: I4.id,
        title: "A1",
        ownerId: user.id,
        dueDate: new Date("2026-10-21"),
        completedAt: new Date("2026-10-20T00:00:00Z"),
      },
      { incidentId: I4.id, title: "A2", ownerId: user.id, dueDate: new Date("2026-10-28") },
      { incidentId: I4.id, title: "A3", ownerId: user.id, dueDate: new Date("2026-11-30") },
    ],
  });
  await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: TZ } });
  // Rows were written directly, not through the services that keep the statistics.
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  scope = { from: "2026-10-19", to: "2026-11-23", timeZone: TZ, serviceIds: [], teamIds: [] };
});
afterAll(() => database.dispose());

describe("dashboard series", () => {
  it("counts incidents per week by severity, high blast radius and AI link, empty weeks as zeros", async () => {
    const { incidents } = await getDashboard(scope, NOW);
    expect(incidents).toEqual([
      { week: "2026-10-19", total: 2, sev1: 1, sev2: 1, sev3: 0, sev4: 0, highBlast: 1, aiLinked: 1 }, // I1 (AI trigger), I2 (AI only contributing)
      { week: "2026-10-26", total: 1, sev1: 0, sev2: 1, sev3: 0, sev4: 0, highBlast: 1, aiLinked: 1 }, // I3, AI trigger shipped before the range
      { week: "2026-11-02", total: 1, sev1: 0, sev2: 0, sev3: 1, sev4: 0, highBlast: 0, aiLinked: 1 }, // I4, spans into the next week
      { week: "2026-11-09", total: 1, sev1: 0, sev2: 1, sev3: 0, sev4: 0, highBlast: 0, aiLinked: 1 }, // I5, open
      { week: "2026-11-16", total: 0, sev1: 0, sev2: 0, sev3: 0, sev4: 0, highBlast: 0, aiLinked: 0 },
    ]);
  });

  it("counts Sev2s per local day with a 7-day moving average", async () => {
    const { sev2 } = await getDashboard(scope, NOW);
    expect(sev2).toHaveLength(35);
    const day = (d: string) => sev2.find((s) => s.day === d);
    expect(day("2026-10-19")).toEqual({ day: "2026-10-19", count: 0, movingAverage: 0 });
    expect(day("2026-10-25")).toEqual({ day: "2026-10-25", count: 1, movingAverage: 0.14 }); // I2
    expect(day("2026-10-26")).toEqual({ day: "2026-10-26", count: 1, movingAverage: 0.29 }); // I3
    expect(day("2026-11-01")).toEqual({ day: "2026-11-01", count: 0, movingAverage: 0.14 }); // only I3 left in the window
    expect(day("2026-11-10")).toEqual({ day: "2026-11-10", count: 1, movingAverage: 0.14 }); // I5
    expect(sev2.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });

  it("computes change failure rates by shipping week, AI vs other, counting a change once", async () => {
    const { failure } = await getDashboard(scope, NOW);
    expect(failure).toEqual([
      { week: "2026-10-19", aiShipped: 2, aiFailed: 1, otherShipped: 1, otherFailed: 1 }, // C1 failed twice over (one change), C2 contributing only; C3 root cause
      { week: "2026-10-26", aiShipped: 0, aiFailed: 0, otherShipped: 0, otherFailed: 0 },
      { week: "2026-11-02", aiShipped: 0, aiFailed: 0, otherShipped: 2, otherFailed: 1 }, // C5 rolled back, C6 fine
      { week: "2026-11-09", aiShipped: 1, aiFailed: 1, otherShipped: 0, otherFailed: 0 }, // C4 trigger
      { week: "2026-11-16", aiShipped: 0, aiFailed: 0, otherShipped: 0, otherFailed: 0 },
    ]);
  });

  it("breaks failure rates down by AI tool and author level over the range", async () => {
    const { breakdown } = await getDashboard(scope, NOW);
    expect(breakdown.byTool).toEqual([
      { group: "Cursor", aiAssisted: true, shipped: 1, failed: 1 },
      { group: "Kiro", aiAssisted: true, shipped: 2, failed: 1 },
    ]);
    expect(breakdown.byLevel).toEqual([
      { group: "JUNIOR", aiAssisted: true, shipped: 2, failed: 2 },
      { group: "MID", aiAssisted: false, shipped: 2, failed: 1 },
      { group: "SENIOR", aiAssisted: false, shipped: 1, failed: 1 },
      { group: "SENIOR", aiAssisted: true, shipped: 1, failed: 0 },
    ]);
  });

  it("takes median and p90 time to resolve of each week's resolved incidents", async () => {
    const { resolve } = await getDashboard(scope, NOW);
    const all = resolve
      .filter((r) => r.severity === "ALL")
      .map(({ week, resolved, medianHours, p90Hours }) => ({ week, resolved, medianHours, p90Hours }));
    expect(all).toEqual([
      { week: "2026-10-19", resolved: 2, medianHours: 3, p90Hours: 3.8 }, // 2 h and 4 h
      { week: "2026-10-26", resolved: 1, medianHours: 10, p90Hours: 10 },
      { week: "2026-11-02", resolved: 1, medianHours: 48, p90Hours: 48 },
      { week: "2026-11-09", resolved: 0, medianHours: null, p90Hours: null }, // I5 still open
      { week: "2026-11-16", resolved: 0, medianHours: null, p90Hours: null },
    ]);
    expect(resolve.find((r) => r.week === "2026-10-19" && r.severity === "SEV2")).toMatchObject({
      resolved: 1,
      medianHours: 4,
    });
  });

  it("counts approval compliance, and action items done, open and overdue", async () => {
    const { compliance, actionItems } = await getDashboard(scope, NOW);
    expect(compliance.weeks.map((w) => [w.weekStart, w.compliant, w.violations])).toEqual([
      ["2026-10-19", 1, 0],
      ["2026-10-26", 0, 0],
      ["2026-11-02", 0, 0],
      ["2026-11-09", 0, 1],
      ["2026-11-16", 0, 0],
    ]);
    expect(compliance.pendingNow).toBe(1);
    expect(actionItems.weeks.map((w) => [w.week, w.due, w.done, w.open, w.overdue])).toEqual([
      ["2026-10-19", 1, 1, 0, 0],
      ["2026-10-26", 1, 0, 0, 1],
      ["2026-11-02", 0, 0, 0, 0],
      ["2026-11-09", 0, 0, 0, 0],
      ["2026-11-16", 0, 0, 0, 0],
    ]);
    expect(actionItems).toMatchObject({ openNow: 2, overdueNow: 1 });
  });

  it("narrows every series to a team", async () => {
    const data = await getDashboard({ ...scope, teamIds: [team2] }, NOW);
    expect(data.incidents.map((w) => w.total)).toEqual([0, 0, 1, 0, 0]);
    expect(data.failure.map((w) => w.otherShipped)).toEqual([0, 0, 1, 0, 0]);
    expect(data.failure.map((w) => w.otherFailed)).toEqual([0, 0, 0, 0, 0]);
    expect(data.actionItems).toMatchObject({ openNow: 2, overdueNow: 1 });
  });

  it("adds the current week so far to the weekly series, not to the headline or the breakdowns", async () => {
    const full = await getDashboard(scope, NOW);
    const soFar = await getDashboard(scope, NOW, { currentWeekSoFar: true });
    expect(full.partialWeek).toBeNull();
    expect(soFar.partialWeek).toBe("2026-11-23"); // NOW is Tuesday 24 Nov
    expect(soFar.incidents.map((w) => w.week)).toEqual([...full.incidents.map((w) => w.week), "2026-11-23"]);
    expect(soFar.failure.at(-1)?.week).toBe("2026-11-23");
    expect(soFar.compliance.weeks.at(-1)?.weekStart).toBe("2026-11-23");
    expect(soFar.sev2.at(-1)?.day).toBe("2026-11-29");
    expect(soFar.headline).toEqual(full.headline);
    expect(soFar.breakdown).toEqual(full.breakdown);
    // A range that does not end at the last full week is left as it is.
    const older = await getDashboard({ ...scope, to: "2026-11-16" }, NOW, { currentWeekSoFar: true });
    expect(older.partialWeek).toBeNull();
  });

  it("shows the headline: this week vs last week vs the 4 weeks before", async () => {
    const { headline } = await getDashboard(scope, NOW);
    expect(headline.incidents).toEqual({ current: 0, previous: 1, fourWeekAverage: 1.25, trend: "down" });
    expect(headline.aiFailureRate).toMatchObject({ current: null, previous: 1, fourWeekAverage: 2 / 3 });
  });
});
