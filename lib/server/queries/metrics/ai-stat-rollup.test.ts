// The AI-comparison rollup (DailyAiStat, prisma/definitions.sql): the SQL band agrees with the
// domain's, a first start after the migration fills it, and writes outside the services (a
// deleted change with evidence, a service moved to another tier) leave every figure right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiShareBand } from "@/lib/domain/attribution/ai-share";
import type { Db } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createTestService } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getAiComparison } from "./get-ai-comparison";

let database: TestDatabase;
let db: Db;
const scope = { from: "2026-08-31", to: "2026-11-23", timeZone: "UTC", serviceIds: [] as number[], teamIds: [] };
const inRange = new Date("2026-10-07T12:00:00Z");
const rollup = () => db.$queryRaw<unknown[]>`SELECT * FROM "DailyAiStat" ORDER BY 1, 2, 3, 4, 5, 6, 7`;
const evidence = (changeId: number, aiShare: number | null, mismatch = false) => ({
  changeId,
  source: "git-ai",
  schemaVersion: "authorship/3.0.0",
  aiLines: 1,
  humanLines: 1,
  totalLines: 2,
  aiShare,
  agents: [],
  declaredAiAssisted: false,
  mismatch,
  thresholdApplied: 0.2,
});

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
});
afterAll(() => database.dispose());

describe("DailyAiStat", () => {
  it("bands an AI share exactly as the domain does, edges included", async () => {
    const shares = [null, 0, 1e-12, 0.05, 0.2, 0.2000000001, 0.5, 0.6, 0.6000000001, 0.99, 1];
    for (const share of shares) {
      const [row] = await db.$queryRaw<
        Array<{ band: string }>
      >`SELECT "faultline_ai_share_band"(${share}::float8) AS band`;
      expect(row.band, String(share)).toBe(aiShareBand(share) ?? "NO_EVIDENCE");
    }
  });

  it("is filled on the first start after its migration, equal to what the triggers keep", async () => {
    const service = await createTestService(db);
    const changes = await db.change.createManyAndReturn({
      data: Array.from({ length: 6 }, (_, i) => ({
        kind: i % 2 ? ("CONFIG" as const) : ("DEPLOY" as const),
        title: `c${i}`,
        serviceId: service.id,
        aiAssisted: i < 3,
        aiInvolvement: i < 3 ? ("CO_AUTHORED" as const) : null,
        shippedAt: new Date(inRange.getTime() + i * 86_400_000),
        rolledBackAt: i === 1 ? inRange : null,
      })),
      select: { id: true },
    });
    await db.changeAttribution.create({ data: evidence(changes[4].id, 0.7, true) });
    const kept = await rollup();
    expect(kept.length).toBeGreaterThan(0);
    await db.$executeRaw`DELETE FROM "DailyAiStat"`;
    await database.connection.withSession((session) => applyMigrations(session));
    expect(await rollup()).toEqual(kept);
  });

  it("drops a deleted change's evidence with it, and reads the service's tier as it is now", async () => {
    const service = await createTestService(db);
    const change = await db.change.create({
      data: { kind: "DEPLOY", title: "gone", serviceId: service.id, aiAssisted: false, shippedAt: inRange },
    });
    await db.changeAttribution.create({ data: evidence(change.id, 0.9, true) });
    const scoped = { ...scope, serviceIds: [service.id] };
    expect(await getAiComparison(scoped)).toMatchObject({ mismatches: 1, other: { total: 1 } });

    await db.service.update({ where: { id: service.id }, data: { tier: "CUSTOMER_CRITICAL" } });
    const before = await rollup();
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(await rollup()).toEqual(before);

    await db.change.delete({ where: { id: change.id } });
    expect(await getAiComparison(scoped)).toMatchObject({ mismatches: 0, other: { total: 0 } });
    const after = await rollup();
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(await rollup()).toEqual(after);
  });
});
