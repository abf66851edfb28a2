// The demo-data generator against real, freshly migrated PostgreSQL databases.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApprovalRequired, type ApprovalPolicyRules } from "@/lib/domain/approval-policy";
import { blastRadiusLevel, impactMinutes } from "@/lib/domain/blast-radius";
import { openConnection, type Db, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createEmptyDatabase } from "@/lib/server/testing/test-database";
import { DEMO_PASSWORD, generateDemoData, type DemoDataOptions, type DemoDataResult } from "./generate-demo-data";

const NOW = new Date("2026-06-15T09:30:00.000Z");
const WEEK = 7 * 24 * 3_600_000;
const OPTIONS = { seed: 7, changes: 400, incidents: 40, weeks: 16, now: NOW } satisfies DemoDataOptions;
const START = new Date(NOW.getTime() - OPTIONS.weeks * WEEK);

type Fresh = { connection: DbConnection; db: Db; cleanup: () => Promise<void> };
const opened: Fresh[] = [];

async function freshDatabase(): Promise<Fresh> {
  const database = await createEmptyDatabase("faultline_demo");
  const connection = openConnection({ kind: "postgres", url: database.url }, { poolSize: 2 });
  const fresh = {
    connection,
    db: connection.prisma,
    cleanup: async () => {
      await connection.close();
      await database.drop();
    },
  };
  opened.push(fresh);
  await connection.withSession((session) => applyMigrations(session));
  return fresh;
}

function sampleRows(db: Db) {
  return Promise.all([
    db.change.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        kind: true,
        title: true,
        serviceId: true,
        authorId: true,
        authorLevel: true,
        aiAssisted: true,
        aiToolId: true,
        aiInvolvement: true,
        shippedAt: true,
        rolledBackAt: true,
        approvalState: true,
        approverId: true,
        approvalDecidedAt: true,
        createdAt: true,
      },
    }),
    db.incident.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        summary: true,
        severity: true,
        status: true,
        impactStartedAt: true,
        detectedAt: true,
        mitigatedAt: true,
        resolvedAt: true,
        customerImpactPct: true,
        failedTransactions: true,
        blastRadiusLevel: true,
        commanderId: true,
        reviewFiveWhys: true,
      },
    }),
    db.incidentChange.findMany({
      orderBy: [{ incidentId: "asc" }, { changeId: "asc" }],
      select: { incidentId: true, changeId: true, role: true },
    }),
    db.user.findMany({
      orderBy: { id: "asc" },
      select: { email: true, name: true, role: true, level: true, teamId: true, githubLogin: true },
    }),
  ]).then((rows) => JSON.parse(JSON.stringify(rows)));
}

describe("generateDemoData", () => {
  let first: Fresh;
  let result: DemoDataResult;
  let policy: ApprovalPolicyRules & { id: number };

  beforeAll(async () => {
    first = await freshDatabase();
    result = await generateDemoData(first.db, OPTIONS);
    policy = (await first.db.approvalPolicy.findFirstOrThrow({ orderBy: { id: "desc" } })) as typeof policy;
  });

  afterAll(async () => {
    for (const fresh of opened.reverse()) await fresh.cleanup();
  });

  it("creates the five demo sign-ins, one per role and level, with the shared password", async () => {
    expect(result.accounts.map((a) => [a.email, a.role, a.level])).toEqual([
      ["admin@faultline.dev", "ADMIN", "SENIOR"],
      ["manager@faultline.dev", "MANAGER", "SENIOR"],
      ["senior@faultline.dev", "ENGINEER", "SENIOR"],
      ["mid@faultline.dev", "ENGINEER", "MID"],
      ["junior@faultline.dev", "ENGINEER", "JUNIOR"],
    ]);
    for (const account of result.accounts) {
      expect(account.password).toBe(DEMO_PASSWORD);
      const user = await first.db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { role: true, level: true, active: true, passwordHash: true },
      });
      expect(user).toMatchObject({ role: account.role, level: account.level, active: true });
      expect(await bcrypt.compare(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
    }
  });

  it("creates exactly the requested rows and reports every table's count", async () => {
    const db = first.db;
    expect(result.counts).toMatchObject({ changes: OPTIONS.changes, incidents: OPTIONS.incidents });
    const actual = {
      teams: await db.team.count(),
      services: await db.service.count(),
      users: await db.user.count(),
      capabilities: await db.capability.count(),
      regions: await db.region.count(),
      contributingFactors: await db.contributingFactor.count(),
      aiTools: await db.aiTool.count(),
      changes: await db.change.count(),
      approvalDecisions: await db.approvalDecision.count(),
      incidents: await db.incident.count(),
      incidentServices: await db.incidentService.count(),
      incidentCapabilities: await db.incidentCapability.count(),
      incidentRegions: await db.incidentRegion.count(),
      incidentContributingFactors: await db.incidentContributingFactor.count(),
      incidentChanges: await db.incidentChange.count(),
      timelineEvents: await db.timelineEvent.count(),
      actionItems: await db.actionItem.count(),
    };
    expect(result.counts).toEqual(actual);
    expect(actual.users).toBeGreaterThanOrEqual(35);
    expect(
      await db.contributingFactor.count({ where: { name: "Novel Gen-AI usage without established safeguards" } }),
    ).toBe(1);
    expect(await db.approvalPolicy.count()).toBe(1);
  });

  it("keeps every change and incident inside [now − weeks, now]", async () => {
    const changes = await first.db.change.aggregate({
      _min: { createdAt: true, shippedAt: true },
      _max: { updatedAt: true, shippedAt: true, rolledBackAt: true },
    });
    const incidents = await first.db.incident.aggregate({
      _min: { impactStartedAt: true },
      _max: { detectedAt: true, resolvedAt: true, updatedAt: true },
    });
    for (const stamp of [changes._min.createdAt, changes._min.shippedAt, incidents._min.impactStartedAt])
      expect(stamp!.getTime()).toBeGreaterThanOrEqual(START.getTime());
    for (const stamp of [
      changes._max.updatedAt,
      changes._max.shippedAt,
      changes._max.rolledBackAt,
      incidents._max.detectedAt,
      incidents._max.resolvedAt,
      incidents._max.updatedAt,
    ]) {
      expect(stamp!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it("stores the blast-radius level that the rule gives for the stored facts", async () => {
    const incidents = await first.db.incident.findMany({
      select: {
        id: true,
        blastRadiusLevel: true,
        impactStartedAt: true,
        mitigatedAt: true,
        resolvedAt: true,
        customerImpactPct: true,
        failedTransactions: true,
        _count: { select: { services: true, regions: true, capabilities: true } },
      },
    });
    const recomputed = incidents.map((i) => ({
      id: i.id,
      level: blastRadiusLevel({
        services: i._count.services,
        regions: i._count.regions,
        capabilities: i._count.capabilities,
        customerImpactPct: i.customerImpactPct === null ? null : Number(i.customerImpactPct),
        failedTransactions: i.failedTransactions,
        impactMinutes: impactMinutes(i.impactStartedAt, i.mitigatedAt, i.resolvedAt),
      }),
    }));
    expect(incidents.map((i) => ({ id: i.id, level: i.blastRadiusLevel }))).toEqual(recomputed);
    expect(new Set(incidents.map((i) => i.blastRadiusLevel)).size).toBeGreaterThanOrEqual(3);
    expect(incidents.every((i) => i._count.services >= 1 && i._count.services <= 3)).toBe(true);
  });

  it("keeps each incident's status consistent with its stamps", async () => {
    const incidents = await first.db.incident.findMany({
      select: { status: true, impactStartedAt: true, detectedAt: true, mitigatedAt: true, resolvedAt: true },
    });
    for (const i of incidents) {
      expect(i.detectedAt!.getTime()).toBeGreaterThanOrEqual(i.impactStartedAt.getTime());
      if (i.mitigatedAt) expect(i.mitigatedAt.getTime()).toBeGreaterThanOrEqual(i.detectedAt!.getTime());
      if (i.resolvedAt) expect(i.resolvedAt.getTime()).toBeGreaterThanOrEqual(i.mitigatedAt!.getTime());
      const expected = i.resolvedAt ? ["RESOLVED"] : i.mitigatedAt ? ["MONITORING"] : ["INVESTIGATING", "IDENTIFIED"];
      expect(expected).toContain(i.status);
    }
    expect(incidents.some((i) => i.status !== "RESOLVED")).toBe(true);
  });

  it("links incidents only to changes shipped on one of their services in the 48 hours before impact", async () => {
    const links = await first.db.incidentChange.findMany({
      select: {
        change: { select: { shippedAt: true, serviceId: true } },
        incident: { select: { impactStartedAt: true, services: { select: { serviceId: true } } } },
      },
    });
    expect(links.length).toBeGreaterThan(OPTIONS.incidents * 0.4);
    for (const { change, incident } of links) {
      expect(change.shippedAt).not.toBeNull();
      const lead = incident.impactStartedAt.getTime() - change.shippedAt!.getTime();
      expect(lead).toBeGreaterThan(0);
      expect(lead).toBeLessThanOrEqual(48 * 3_600_000);
      expect(incident.services.map((s) => s.serviceId)).toContain(change.serviceId);
    }
  });

  it("makes AI-assisted changes more common week by week", async () => {
    const [row] = await first.db.$queryRaw<Array<{ early: number; late: number }>>`
      SELECT avg("aiAssisted"::int) FILTER (WHERE "shippedAt" < ${new Date(START.getTime() + 4 * WEEK)})::float AS early,
             avg("aiAssisted"::int) FILTER (WHERE "shippedAt" >= ${new Date(NOW.getTime() - 4 * WEEK)})::float AS late
      FROM "Change"`;
    expect(row.late).toBeGreaterThan(row.early + 0.15);
    expect(row.early).toBeGreaterThan(0.05);
    expect(row.early).toBeLessThan(0.35);
  });

  it("decides approval with the policy in force, and approvals precede shipping", async () => {
    const changes = await first.db.change.findMany({
      select: {
        aiAssisted: true,
        authorId: true,
        authorLevel: true,
        aiInvolvement: true,
        aiToolId: true,
        approvalRequired: true,
        approvalState: true,
        policyId: true,
        approverId: true,
        approvalDecidedAt: true,
        shippedAt: true,
        rolledBackAt: true,
        approver: { select: { level: true } },
      },
    });
    for (const c of changes) {
      expect(c.approvalRequired).toBe(isApprovalRequired(c, policy));
      expect(c.policyId).toBe(policy.id);
      expect(c.aiAssisted).toBe(c.aiToolId !== null && c.aiInvolvement !== null);
      if (!c.approvalRequired) expect(c.approvalState).toBe("NOT_REQUIRED");
      else expect(["PENDING", "APPROVED", "REJECTED"]).toContain(c.approvalState);
      if (c.approvalState === "APPROVED") {
        expect(c.approverId).not.toBe(c.authorId);
        expect(policy.approverLevels).toContain(c.approver!.level);
        expect(c.approvalDecidedAt!.getTime()).toBeLessThan(c.shippedAt!.getTime());
      }
      if (!c.shippedAt) expect(["PENDING", "REJECTED"]).toContain(c.approvalState);
      if (c.rolledBackAt) expect(c.rolledBackAt.getTime()).toBeGreaterThan(c.shippedAt!.getTime());
    }
    const states = new Set(changes.map((c) => c.approvalState));
    expect([...states].sort()).toEqual(["APPROVED", "NOT_REQUIRED", "PENDING", "REJECTED"]);
    expect(changes.some((c) => c.approvalState === "PENDING" && c.shippedAt === null)).toBe(true);
  });

  it("gives every resolved Sev1/Sev2 a review with contributing factors and action items", async () => {
    const reviewed = await first.db.incident.findMany({
      where: { status: "RESOLVED", severity: { in: ["SEV1", "SEV2"] } },
      select: {
        reviewStatus: true,
        reviewRootCause: true,
        reviewWhatHappened: true,
        _count: { select: { contributingFactors: true, actionItems: true } },
      },
    });
    expect(reviewed.length).toBeGreaterThan(0);
    for (const i of reviewed) {
      expect(["COMPLETE", "IN_PROGRESS"]).toContain(i.reviewStatus);
      expect(i.reviewRootCause).not.toBe("");
      expect(i._count.contributingFactors).toBeGreaterThanOrEqual(1);
      expect(i._count.actionItems).toBeGreaterThanOrEqual(1);
    }
  });

  it("is deterministic: the same seed, options and now give the same rows", async () => {
    const second = await freshDatabase();
    const again = await generateDemoData(second.db, OPTIONS);
    expect(again.counts).toEqual(result.counts);
    expect(await sampleRows(second.db)).toEqual(await sampleRows(first.db));
  });

  it("refuses a database that already has users", async () => {
    await expect(generateDemoData(first.db, OPTIONS)).rejects.toThrow(/already has \d+ user/);
  });

  it("moves the id sequences past the generated rows, so the app can insert", async () => {
    const db = first.db;
    const [service, user] = [await db.service.findFirstOrThrow(), await db.user.findFirstOrThrow()];
    const change = await db.change.create({ data: { kind: "DEPLOY", title: "after seeding", serviceId: service.id } });
    expect(change.id).toBe(OPTIONS.changes + 1);
    const incident = await db.incident.create({
      data: { title: "after seeding", severity: "SEV4", impactStartedAt: NOW },
    });
    expect(incident.id).toBe(OPTIONS.incidents + 1);
    await db.timelineEvent.create({ data: { incidentId: incident.id, kind: "NOTE", body: "ok" } });
    await db.actionItem.create({ data: { incidentId: incident.id, title: "ok", ownerId: user.id, dueDate: NOW } });
    await db.approvalDecision.create({ data: { changeId: change.id, actorId: user.id, decision: "REQUESTED" } });
  });
});
