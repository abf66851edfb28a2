import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { importCsv, previewCsvImport } from "./import-csv";

let database: TestDatabase;
let service = "";
beforeAll(async () => {
  database = await useTestDatabase();
  service = (await createTestService(database.connection.prisma)).name;
});
afterAll(() => database.dispose());

const pagerDuty = (rows: string[]) =>
  ["Incident Number,Title,Urgency,Priority,Service Name,Created At,Resolved At", ...rows].join("\n");

describe("CSV import on Admin → Import", () => {
  it("previews per-row problems and then refuses the whole file, writing nothing", async () => {
    const db = database.connection.prisma;
    const admin = await createTestUser(db, { role: "ADMIN" });
    const text = pagerDuty([
      `101,Checkout 502s,high,P1,${service},2026-08-04T08:00:00Z,2026-08-04T10:00:00Z`,
      `102,Search slow,low,,no-such-service,2026-08-05T08:00:00Z,2026-08-05T07:00:00Z`,
    ]);
    const plan = await previewCsvImport({ actor: admin, text });
    expect(plan.label).toBe("PagerDuty incident export");
    expect(plan.invalid).toBe(1);
    expect(plan.rows[1].line).toBe(3);
    expect(plan.rows[1].mapped.errors.join(" ")).toContain('Unknown service "no-such-service"');
    expect(plan.rows[1].mapped.errors.join(" ")).toContain("resolvedAt");
    await expect(importCsv({ actor: admin, text })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.incident.count()).toBe(0);
  });

  it("imports a good file once: the same file again changes nothing", async () => {
    const db = database.connection.prisma;
    const admin = await createTestUser(db, { role: "ADMIN" });
    const text = pagerDuty([
      `201,Checkout 502s,high,P1,${service},2026-08-04T08:00:00Z,2026-08-04T10:00:00Z`,
      `202,Search slow,low,,${service},2026-08-05 08:00:00 +0200,`,
    ]);
    expect(await importCsv({ actor: admin, text })).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const audit = await db.auditLog.count();
    expect(await importCsv({ actor: admin, text })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.auditLog.count()).toBe(audit);
    const open = await db.incident.findFirstOrThrow({ where: { externalKey: "202" } });
    expect(open).toMatchObject({ status: "INVESTIGATING", severity: "SEV3", resolvedAt: null });
    expect(open.impactStartedAt.toISOString()).toBe("2026-08-05T06:00:00.000Z");
  });

  it("imports Faultline's changes.csv, and refuses non-admins", async () => {
    const db = database.connection.prisma;
    const admin = await createTestUser(db, { role: "ADMIN" });
    const text = [
      "change_id,source,external_id,kind,title,service,repository,author,author_level,shipped_at,rolled_back_at,ai_assisted",
      `9001,api,d-1,DEPLOY,Deploy one,${service},acme/x,,,2026-08-04T07:00:00.000Z,,true`,
      `9002,api,d-2,CONFIG,Config two,${service},,,,2026-08-04T09:00:00.000Z,2026-08-04T09:30:00.000Z,false`,
    ].join("\n");
    const engineer = await createTestUser(db, { role: "ENGINEER" });
    await expect(importCsv({ actor: engineer, text })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await importCsv({ actor: admin, text })).toMatchObject({ created: 2 });
    expect(await importCsv({ actor: admin, text })).toMatchObject({ created: 0, unchanged: 2 });
    const stats = () => db.$queryRaw`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`;
    const kept = await stats();
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(kept).toEqual(await stats());
  });

  it("answers unreadable or unknown files with a clear 422", async () => {
    const admin = await createTestUser(database.connection.prisma, { role: "ADMIN" });
    await expect(previewCsvImport({ actor: admin, text: "name,email\nA,a@b.c" })).rejects.toThrow(/does not recognise/);
    await expect(previewCsvImport({ actor: admin, text: 'a,b\n"unclosed,1' })).rejects.toThrow(/not readable CSV/);
  });
});
