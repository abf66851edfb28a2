import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/connection";
import { createTestService } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getAiComparison } from "./get-ai-comparison";

// The kidney-stone numbers (Charig 1986; Julious & Mullee 1994) as changes: AI-assisted
// changes cluster in the riskier customer-critical tier, so they fail more often overall
// (crude RR > 1) yet less often within each tier (Mantel–Haenszel RR 0.755).
let database: TestDatabase;
let db: Db;
const scope = {
  from: "2026-08-31",
  to: "2026-11-23",
  timeZone: "UTC",
  serviceIds: [] as number[],
  teamIds: [] as number[],
};
const inRange = new Date("2026-10-07T12:00:00Z");

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  const critical = await createTestService(db);
  const internal = await createTestService(db);
  await db.service.update({ where: { id: critical.id }, data: { tier: "CUSTOMER_CRITICAL" } });
  await db.service.update({ where: { id: internal.id }, data: { tier: "INTERNAL" } });
  const batch = (serviceId: number, aiAssisted: boolean, total: number, failed: number) =>
    Array.from({ length: total }, (_, i) => ({
      kind: "DEPLOY" as const,
      title: "c",
      serviceId,
      aiAssisted,
      aiInvolvement: aiAssisted ? ("AGENT_AUTHORED" as const) : null,
      shippedAt: inRange,
      rolledBackAt: i < failed ? inRange : null,
    }));
  await db.change.createMany({
    data: [
      ...batch(internal.id, true, 87, 6),
      ...batch(critical.id, true, 263, 71),
      ...batch(internal.id, false, 270, 36),
      ...batch(critical.id, false, 80, 25),
    ],
  });
  // Outside the range (shipped before it, or never): not counted.
  await db.change.createMany({
    data: [...batch(internal.id, true, 5, 5)].map((c) => ({ ...c, shippedAt: new Date("2026-08-01T00:00:00Z") })),
  });
  await db.change.createMany({ data: batch(internal.id, true, 3, 0).map((c) => ({ ...c, shippedAt: null })) });
  // One AI change in range with measured evidence and a mismatch; a contributing link does not fail it.
  const measured = await db.change.create({ data: { ...batch(internal.id, false, 1, 0)[0] } });
  await db.changeAttribution.create({
    data: {
      changeId: measured.id,
      source: "git-ai",
      schemaVersion: "authorship/3.0.0",
      aiLines: 70,
      humanLines: 30,
      totalLines: 100,
      aiShare: 0.7,
      agents: [],
      declaredAiAssisted: false,
      mismatch: true,
      thresholdApplied: 0.2,
    },
  });
  const incident = await db.incident.create({ data: { title: "i", severity: "SEV2", impactStartedAt: inRange } });
  await db.incidentChange.create({ data: { incidentId: incident.id, changeId: measured.id, role: "CONTRIBUTING" } });
});
afterAll(() => database.dispose());

describe("getAiComparison", () => {
  it("counts in SQL per tier × kind and reproduces the paradox", async () => {
    const result = await getAiComparison(scope);
    expect(result.weeks).toBe(12);
    expect(result.ai).toMatchObject({ failed: 77, total: 350, enoughData: true });
    expect(result.other).toMatchObject({ failed: 61, total: 351 });
    expect(result.crude!.rr).toBeGreaterThan(1);
    expect(result.adjusted!.rr).toBeLessThan(1);
    expect(result.sentence).toContain("the other way round");
    expect(result.mismatches).toBe(1);
    expect(result.bands.find((b) => b.key === "HIGH")).toMatchObject({ total: 1, failed: 0 });
    expect(result.bands.find((b) => b.key === "NO_EVIDENCE")).toMatchObject({ total: 700, failed: 138 });
    expect(result.involvements.find((i) => i.key === "AGENT_AUTHORED")).toMatchObject({ total: 350, failed: 77 });
  });

  it("counts a trigger link as a failure and respects the service filter", async () => {
    const measured = await db.changeAttribution.findFirstOrThrow({ select: { changeId: true } });
    const incident = await db.incident.create({ data: { title: "j", severity: "SEV1", impactStartedAt: inRange } });
    await db.incidentChange.create({ data: { incidentId: incident.id, changeId: measured.changeId, role: "TRIGGER" } });
    const change = await db.change.findUniqueOrThrow({ where: { id: measured.changeId }, select: { serviceId: true } });
    const result = await getAiComparison({ ...scope, serviceIds: [change.serviceId] });
    expect(result.other).toMatchObject({ failed: 36 + 1, total: 271 });
    expect(result.ai.total).toBe(87);
    expect(result.bands.find((b) => b.key === "HIGH")).toMatchObject({ total: 1, failed: 1 });
  });
});
