import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { publishWeeklyReport } from "./publish-weekly-report";
import { saveReportNotes } from "./save-report-notes";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());

const context = { timeZone: "UTC", organisation: "Acme", baseUrl: "https://faultline.example" };

it("lets managers save notes and publish a frozen copy with them; engineers may not", async () => {
  const db = database.connection.prisma;
  const manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
  const engineer = await createTestUser(db, { role: "ENGINEER", level: "SENIOR" });
  await expect(saveReportNotes({ actor: engineer, input: { week: "2026-W47", notes: "x" } })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(publishWeeklyReport({ actor: engineer, input: { week: "2026-W47" }, ...context })).rejects.toMatchObject(
    { code: "FORBIDDEN" },
  );

  await saveReportNotes({ actor: manager, input: { week: "2026-W47", notes: "Talk about Kiro." } });
  const { id } = await publishWeeklyReport({ actor: manager, input: { week: "2026-W47" }, ...context });
  const publication = await db.weeklyReportPublication.findUniqueOrThrow({ where: { id } });
  expect(publication).toMatchObject({ week: "2026-W47", notes: "Talk about Kiro.", publishedById: manager.id });
  expect(publication.markdown).toContain("week 2026-W47");
  expect(publication.incidentsCsv.split("\n")[0]).toMatch(/^incident_id,/);
  expect((publication.snapshot as { headline: Array<{ label: string }> }).headline.map((h) => h.label)).toContain(
    "Policy violations shipped",
  );
  await expect(publishWeeklyReport({ actor: manager, input: { week: "2026-W99" }, ...context })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});
