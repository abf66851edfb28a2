import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/connection";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { approvalComplianceByWeek } from "./approval-compliance-by-week";

let database: TestDatabase;
let serviceId: number;
let otherServiceId: number;
let db: Db;

type Spec = {
  shippedAt: string | null;
  state: "PENDING" | "APPROVED" | "REJECTED" | "NOT_REQUIRED";
  decidedAt?: string;
  required?: boolean;
  service?: "other";
};

async function change(spec: Spec) {
  const db = database.connection.prisma;
  await db.change.create({
    data: {
      kind: "DEPLOY",
      title: "c",
      serviceId: spec.service === "other" ? otherServiceId : serviceId,
      aiAssisted: spec.required ?? true,
      approvalRequired: spec.required ?? true,
      approvalState: spec.state,
      shippedAt: spec.shippedAt ? new Date(spec.shippedAt) : null,
      approvalDecidedAt: spec.decidedAt ? new Date(spec.decidedAt) : null,
    },
  });
}

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  await createTestUser(db);
  serviceId = (await createTestService(db)).id;
  otherServiceId = (await createTestService(db)).id;
  // Weeks in Europe/Berlin: Mon 2026-10-19, Mon 2026-10-26 (DST ends 25 Oct), Mon 2026-11-02, Mon 2026-11-09.
  await change({ shippedAt: "2026-10-20T10:00:00Z", state: "APPROVED", decidedAt: "2026-10-20T09:00:00Z" }); // compliant, wk 10-19
  await change({ shippedAt: "2026-10-20T10:00:00Z", state: "APPROVED", decidedAt: "2026-10-20T11:00:00Z" }); // approved after shipping: violation, wk 10-19
  await change({ shippedAt: "2026-10-25T23:30:00Z", state: "PENDING" }); // Mon 00:30 Berlin (CET): violation, wk 10-26, not 10-19
  await change({ shippedAt: "2026-10-25T22:30:00Z", state: "REJECTED", decidedAt: "2026-10-25T20:00:00Z" }); // Sun 23:30 Berlin: violation, wk 10-19
  await change({ shippedAt: "2026-11-09T08:00:00Z", state: "APPROVED", decidedAt: "2026-11-09T08:00:00Z" }); // decided at the ship instant: compliant
  await change({ shippedAt: "2026-11-09T08:00:00Z", state: "NOT_REQUIRED", required: false }); // not counted
  await change({ shippedAt: "2026-11-09T09:00:00Z", state: "PENDING", service: "other" }); // violation on the other service
  await change({ shippedAt: null, state: "PENDING" }); // waiting for approval: in no week
  await change({ shippedAt: null, state: "APPROVED", decidedAt: "2026-11-10T08:00:00Z" }); // approved, not shipped yet
  await change({ shippedAt: null, state: "APPROVED", decidedAt: "2026-11-10T09:00:00Z" }); // approved, not shipped yet
  await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
});
afterAll(() => database.dispose());

const everything = { from: "2026-10-19", to: "2026-11-16", timeZone: "Europe/Berlin", serviceIds: [], teamIds: [] };

describe("approval compliance by week", () => {
  it("counts as not shipped yet exactly what the compliance definition calls PENDING", async () => {
    // The not-shipped-yet figures filter on the partial index's predicate rather than calling
    // the definition; every combination of the definition's inputs says they are the same.
    const rows = await db.$queryRaw<Array<{ pending: boolean; predicate: boolean }>>`
      SELECT "faultline_approval_compliance"(r, s, d, p) = 'PENDING' AS pending, (r AND p IS NULL) AS predicate
      FROM unnest(array[true, false]) AS r,
           unnest(enum_range(NULL::"ApprovalState")) AS s,
           unnest(array[NULL, timestamptz '2026-11-02 10:00Z', timestamptz '2026-11-03 10:00Z']) AS d,
           unnest(array[NULL, timestamptz '2026-11-02 10:00Z', timestamptz '2026-11-03 10:00Z']) AS p`;
    expect(rows.length).toBeGreaterThanOrEqual(2 * 4 * 3 * 3);
    expect(rows.filter((row) => row.pending !== row.predicate)).toEqual([]);
    expect(rows.some((row) => row.pending)).toBe(true);
  });

  it("counts by the week of shipping in the organisation's time zone, empty weeks as zeros", async () => {
    const result = await approvalComplianceByWeek({
      from: "2026-10-19",
      to: "2026-11-16",
      timeZone: "Europe/Berlin",
      serviceIds: [],
      teamIds: [],
    });
    expect(result.weeks).toEqual([
      { weekStart: "2026-10-19", required: 3, compliant: 1, violations: 2 },
      { weekStart: "2026-10-26", required: 1, compliant: 0, violations: 1 },
      { weekStart: "2026-11-02", required: 0, compliant: 0, violations: 0 },
      { weekStart: "2026-11-09", required: 2, compliant: 1, violations: 1 },
    ]);
    expect(result.pendingNow).toBe(3);
    expect(result.notShipped).toEqual({ waitingForApproval: 1, approvedNotShipped: 2, rejectedNotShipped: 0 });
  });

  it("tells the approvals queue apart from approved changes that have not shipped", async () => {
    // Approving a waiting change moves it from one count to the other; the total is unchanged.
    const before = await approvalComplianceByWeek(everything);
    await db.change.updateMany({
      where: { approvalState: "PENDING", shippedAt: null },
      data: { approvalState: "APPROVED", approvalDecidedAt: new Date("2026-11-11T08:00:00Z") },
    });
    const after = await approvalComplianceByWeek(everything);
    expect(after.notShipped.waitingForApproval).toBe(before.notShipped.waitingForApproval - 1);
    expect(after.notShipped.approvedNotShipped).toBe(before.notShipped.approvedNotShipped + 1);
    expect(after.pendingNow).toBe(before.pendingNow);
    await db.change.updateMany({
      where: { approvalDecidedAt: new Date("2026-11-11T08:00:00Z") },
      data: { approvalState: "PENDING", approvalDecidedAt: null },
    });
  });

  it("moves the boundary with the organisation's time zone", async () => {
    // The daily statistics follow the organisation's zone: changing it rebuilds them.
    await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    const utc = await approvalComplianceByWeek({
      from: "2026-10-19",
      to: "2026-11-02",
      timeZone: "UTC",
      serviceIds: [],
      teamIds: [],
    });
    // In UTC both late-Sunday changes belong to the week of 19 October.
    expect(utc.weeks).toEqual([
      { weekStart: "2026-10-19", required: 4, compliant: 1, violations: 3 },
      { weekStart: "2026-10-26", required: 0, compliant: 0, violations: 0 },
    ]);
    await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  });

  it("filters by service", async () => {
    const other = await approvalComplianceByWeek({
      from: "2026-11-09",
      to: "2026-11-16",
      timeZone: "Europe/Berlin",
      serviceIds: [otherServiceId],
      teamIds: [],
    });
    expect(other.weeks).toEqual([{ weekStart: "2026-11-09", required: 1, compliant: 0, violations: 1 }]);
    expect(other.pendingNow).toBe(0);
    expect(other.notShipped).toEqual({ waitingForApproval: 0, approvedNotShipped: 0, rejectedNotShipped: 0 });
  });
});
