import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/connection";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";
import { changeIncidentSeverity } from "@/lib/server/services/incidents/change-incident-severity";
import { changeLinkRole } from "@/lib/server/services/incidents/change-link-role";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { linkChange } from "@/lib/server/services/incidents/link-change";
import { unlinkChange } from "@/lib/server/services/incidents/unlink-change";
import { updateBlastRadius } from "@/lib/server/services/incidents/update-blast-radius";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  await db.orgSettings.update({ where: { id: 1 }, data: { timeZone: "Asia/Tokyo" } });
});
afterAll(() => database.dispose());

const snapshot = async () => ({
  changes: await db.$queryRaw`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`,
  incidents: await db.$queryRaw`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
  weeks: await db.$queryRaw`SELECT * FROM "WeeklyResolveStat" ORDER BY 1, 2`,
});

it("keeps the daily statistics equal to a full rebuild through every kind of write", async () => {
  const junior = await createTestUser(db, { level: "JUNIOR" });
  const senior = await createTestUser(db, { level: "SENIOR" });
  const serviceId = (await createTestService(db)).id;
  const hour = 3_600_000;
  const change = (title: string, hoursAgo: number, ai: boolean, author = junior) =>
    registerChange({
      actor: author,
      input: {
        kind: "DEPLOY",
        title,
        serviceId,
        repository: null,
        externalId: null,
        externalUrl: null,
        authorId: author.id,
        shippedAt: new Date(Date.now() - hoursAgo * hour),
        aiAssisted: ai,
        aiToolId: null,
        aiInvolvement: ai ? "CO_AUTHORED" : null,
      },
    });
  const a = await change("a", 30, true);
  const b = await change("b", 26, false, senior);
  const c = await change("c", 50, true);
  const i1 = await declareIncident({
    actor: junior,
    input: {
      title: "one",
      severity: "SEV3",
      impactStartedAt: new Date(Date.now() - 20 * hour),
      serviceIds: [serviceId],
    },
  });
  const i2 = await declareIncident({
    actor: junior,
    input: {
      title: "two",
      severity: "SEV2",
      impactStartedAt: new Date(Date.now() - 2 * hour),
      serviceIds: [serviceId],
    },
  });

  await linkChange({ actor: junior, input: { incidentId: i1.id, changeId: a.id, role: "SUSPECTED" } });
  await changeLinkRole({ actor: junior, input: { incidentId: i1.id, changeId: a.id, role: "TRIGGER" } });
  await linkChange({ actor: junior, input: { incidentId: i2.id, changeId: b.id, role: "ROOT_CAUSE" } });
  await unlinkChange({ actor: junior, input: { incidentId: i2.id, changeId: b.id } });
  await setRolledBack({ actor: junior, input: { changeId: c.id, rolledBackAt: new Date() } });
  await decideChangeApproval({ actor: senior, input: { changeId: a.id, decision: "APPROVED", comment: "" } });
  await changeIncidentSeverity({
    actor: junior,
    input: { incidentId: i1.id, version: 1, severity: "SEV1", reason: "worse" },
  });
  await updateBlastRadius({
    actor: junior,
    input: {
      incidentId: i2.id,
      version: 1,
      serviceIds: [serviceId],
      regionIds: [],
      capabilityIds: [],
      customerImpactPct: 75,
      failedTransactions: null,
    },
  });
  await updateIncidentStatus({ actor: junior, input: { incidentId: i2.id, version: 2, status: "RESOLVED", note: "" } });

  const kept = await snapshot();
  const changeRows = kept.changes as Array<{ shipped: number; failed: number }>;
  expect(changeRows.reduce((sum, r) => sum + r.shipped, 0)).toBe(3);
  expect(changeRows.reduce((sum, r) => sum + r.failed, 0)).toBe(2); // a (trigger), c (rolled back); b was unlinked
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  expect(await snapshot()).toEqual(kept);
});
