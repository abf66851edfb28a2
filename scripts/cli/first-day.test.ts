// A real organisation's first day, end to end against PostgreSQL: an empty database with only
// FAULTLINE_ADMIN_* set → start-up creates the admin → the CLI (a real process) creates a token
// → a quarter of incidents, changes, links and approvals arrive through the API only → the weekly figures
// equal values worked out by hand below, and the daily statistics equal a full rebuild.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { POST as postApproval } from "@/app/api/v1/changes/[id]/approval/route";
import { POST as postLink } from "@/app/api/v1/incidents/[id]/changes/route";
import { PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { prepareDatabase } from "@/lib/server/db/prepare";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { createService } from "@/lib/server/services/teams/create-service";
import { createTeam } from "@/lib/server/services/teams/create-team";
import { createFirstAdmin } from "@/lib/server/services/users/create-first-admin";
import { createUser } from "@/lib/server/services/users/create-user";
import { createEmptyDatabase } from "@/lib/server/testing/test-database";

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN = { FAULTLINE_ADMIN_EMAIL: "Ops.Lead@Example.com", FAULTLINE_ADMIN_PASSWORD: "first-day-password-42" };

let url: string;
let drop: () => Promise<void>;
let connection: DbConnection;
const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };

beforeAll(async () => {
  ({ url, drop } = await createEmptyDatabase("faultline_firstday"));
  connection = openConnection({ kind: "postgres", url }, { poolSize: 4 });
  holder.__faultlineDb = connection;
  process.env.FAULTLINE_API_RATE_LIMIT = "100000";
});
afterAll(async () => {
  delete process.env.FAULTLINE_API_RATE_LIMIT;
  if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
  await connection.close();
  await drop();
});

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  delete (env as Record<string, unknown>).FAULTLINE_DATA_DIR;
  return spawnSync(process.execPath, [path.join(root, "scripts/cli/faultline.mjs"), ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
}

const call = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  init: { method?: string; path: string; token: string; body?: unknown; params?: P },
) =>
  handler(
    new Request(`http://faultline.test/api/v1${init.path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve((init.params ?? {}) as P) },
  );

const HOUR = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * HOUR).toISOString();
/** Mondays of the quarter: 2026-07-27 … 2026-10-19 (13 weeks, UTC, the default time zone). */
const MONDAYS = Array.from({ length: 13 }, (_, k) =>
  new Date(Date.UTC(2026, 6, 27 + 7 * k)).toISOString().slice(0, 10),
);

type Row = { key: string; title: string; severity: string; impact: string; hours: number | null; service: string };
/** One routine Sev3 each Wednesday 10:00 lasting k+1 hours, plus the major incidents of weeks 1 and 6. */
const INCIDENTS: Row[] = [
  ...MONDAYS.map((monday, k) => ({
    key: `PD-R${k}`,
    title: `Routine alert ${k}`,
    severity: "SEV3",
    impact: at(`${monday}T10:00:00Z`, 48),
    hours: k + 1,
    service: "search",
  })),
  {
    key: "PD-100",
    title: "Checkout down",
    severity: "SEV2",
    impact: "2026-08-04T08:00:00.000Z",
    hours: 4,
    service: "checkout",
  },
  {
    key: "PD-101",
    title: "Payments degraded",
    severity: "SEV1",
    impact: "2026-08-06T22:00:00.000Z",
    hours: null,
    service: "checkout",
  },
  {
    key: "PD-102",
    title: "Login errors",
    severity: "SEV2",
    impact: "2026-08-07T12:00:00.000Z",
    hours: 0.5,
    service: "search",
  },
  {
    key: "PD-200",
    title: "Prices missing",
    severity: "SEV2",
    impact: "2026-09-08T07:00:00.000Z",
    hours: 10,
    service: "checkout",
  },
];

function incidentBody(row: Row) {
  const times =
    row.hours === null
      ? { detectedAt: at(row.impact, 0.1) }
      : {
          detectedAt: at(row.impact, 0.05),
          mitigatedAt: at(row.impact, row.hours / 2),
          resolvedAt: at(row.impact, row.hours),
        };
  return {
    source: "pagerduty",
    externalId: row.key,
    title: row.title,
    severity: row.severity,
    impactStartedAt: row.impact,
    services: [row.service],
    ...times,
  };
}

/**
 * Changes: [externalId, aiAssisted, shippedAt, rolledBackAt?]; links: [change, incident, role].
 * The AI-assisted ones (c1, c2, c5) are a junior's, so each needed a senior's approval.
 */
const CHANGES: [string, boolean, string, string?][] = [
  ["c1", true, "2026-08-04T07:30:00.000Z"],
  ["c2", true, "2026-08-05T09:00:00.000Z"],
  ["c3", false, "2026-08-05T11:00:00.000Z", "2026-08-05T12:00:00.000Z"],
  ["c4", false, "2026-08-06T15:00:00.000Z"],
  ["c5", true, "2026-09-08T06:00:00.000Z"],
  ["c6", false, "2026-09-09T10:00:00.000Z"],
  ["c7", false, "2026-09-10T10:00:00.000Z"],
];
const LINKS: [string, string, string][] = [
  ["c1", "PD-100", "TRIGGER"],
  ["c4", "PD-101", "CONTRIBUTING"],
  ["c5", "PD-200", "ROOT_CAUSE"],
  ["c6", "PD-R6", "SUSPECTED"],
  ["c7", "PD-R7", "TRIGGER"],
];

const JUNIOR = "dev.junior@example.com";
const SENIOR = "dev.senior@example.com";
/** Approvals taken in the old tool: c1 before it shipped (compliant), c2 an hour after (a violation); c5 none. */
const APPROVALS: [string, string][] = [
  ["c1", "2026-08-04T07:00:00.000Z"],
  ["c2", "2026-08-05T10:00:00.000Z"],
];

describe("first day of a real organisation", () => {
  let token = "";
  const incidentIds = new Map<string, number>();
  const changeIds = new Map<string, number>();

  it("creates the first admin once, even when several instances start together", async () => {
    await connection.withSession(async (session) => (await import("@/lib/server/db/migrate")).applyMigrations(session));
    const env = { ...ADMIN } as unknown as NodeJS.ProcessEnv;
    const results = await Promise.all([1, 2, 3, 4].map(() => createFirstAdmin(env)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    await prepareDatabase(env); // a later start: ignored, no demo data on a real PostgreSQL
    const users = await connection.prisma.user.findMany({ select: { email: true, role: true } });
    expect(users).toEqual([{ email: "ops.lead@example.com", role: "ADMIN" }]);
    expect(await connection.prisma.incident.count()).toBe(0);
    const audit = await connection.prisma.auditLog.findMany({
      select: { action: true, actorId: true, actorLabel: true },
    });
    expect(audit).toEqual([{ action: "user.created", actorId: null, actorLabel: "start-up" }]);
  });

  it("creates an import token with the CLI, run as a real process", () => {
    const refused = cli("token", "create", "--user", "nobody@example.com", "--name", "import", "--scopes", "read");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("No active user with the email nobody@example.com");
    const bad = cli(
      "token",
      "create",
      "--user",
      ADMIN.FAULTLINE_ADMIN_EMAIL,
      "--name",
      "import",
      "--scopes",
      "read,root",
    );
    expect(bad.status).toBe(2);
    const made = cli(
      ...["token", "create", "--user", ADMIN.FAULTLINE_ADMIN_EMAIL, "--name", "PagerDuty import"],
      ...["--scopes", "read,write,import", "--expires", "90d"],
    );
    expect(made.status, made.stderr).toBe(0);
    token = made.stdout.trim();
    expect(token).toMatch(/^flt_[\w-]{40,}$/);
  });

  it("imports the quarter through the API only, idempotently, with the lifecycle order enforced", async () => {
    // Services are set up by the admin (Admin → Teams), as the organisation would before importing.
    const admin = (await connection.prisma.user.findFirstOrThrow({
      select: { id: true, email: true, name: true, role: true, level: true },
    }))!;
    const team = await createTeam({ actor: admin, input: { name: "Storefront" } });
    for (const name of ["checkout", "search"])
      await createService({ actor: admin, input: { name, teamId: team.id, tier: "CUSTOMER_CRITICAL" } });
    for (const [email, level] of [
      [JUNIOR, "JUNIOR"],
      [SENIOR, "SENIOR"],
    ] as const)
      await createUser({
        actor: CLI_ACTOR,
        input: { name: email, email, role: "ENGINEER", level, teamId: team.id, password: "a long enough password" },
      });

    const outOfOrder = await call(postIncident, {
      path: "/incidents",
      token,
      body: { ...incidentBody(INCIDENTS[0]), detectedAt: at(INCIDENTS[0].impact, -1) },
    });
    expect(outOfOrder.status).toBe(422);
    expect((await outOfOrder.json()).errors).toHaveProperty("detectedAt");

    for (const row of INCIDENTS) {
      const response = await call(postIncident, { path: "/incidents", token, body: incidentBody(row) });
      expect(response.status, row.key).toBe(201);
      incidentIds.set(row.key, (await response.json()).id);
    }
    const auditRows = await connection.prisma.auditLog.count();
    const again = await call(postIncident, { path: "/incidents", token, body: incidentBody(INCIDENTS[13]) });
    expect(again.status).toBe(200);
    expect(await connection.prisma.incident.count()).toBe(INCIDENTS.length);
    expect(await connection.prisma.auditLog.count()).toBe(auditRows);

    for (const [externalId, aiAssisted, shippedAt, rolledBackAt] of CHANGES) {
      const response = await call(postChange, {
        path: "/changes",
        token,
        body: {
          source: "jenkins",
          externalId,
          kind: "DEPLOY",
          title: `Deploy ${externalId}`,
          service: "checkout",
          ...(aiAssisted ? { author: JUNIOR } : {}),
          aiAssisted,
          shippedAt,
          rolledBackAt,
        },
      });
      expect(response.status, externalId).toBeLessThan(300);
      changeIds.set(externalId, (await response.json()).id);
    }
    for (const [change, incident, role] of LINKS) {
      const id = String(incidentIds.get(incident));
      const response = await call(postLink, {
        path: `/incidents/${id}/changes`,
        token,
        params: { id },
        body: { changeId: changeIds.get(change), role },
      });
      expect(response.status, `${change}→${incident}`).toBeLessThan(300);
    }

    const timeline = await connection.prisma.timelineEvent.findMany({
      where: { incidentId: incidentIds.get("PD-100") },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    expect(timeline.slice(0, 3).map((e) => e.occurredAt.toISOString())).toEqual([
      "2026-08-04T08:03:00.000Z",
      "2026-08-04T10:00:00.000Z",
      "2026-08-04T12:00:00.000Z",
    ]);
  });

  it("corrects an imported time with PATCH, in order only, and only with the import scope", async () => {
    const id = String(incidentIds.get("PD-101"));
    const current = await connection.prisma.incident.findUniqueOrThrow({ where: { id: Number(id) } });
    const early = await call(patchIncident, {
      method: "PATCH",
      path: `/incidents/${id}`,
      token,
      params: { id },
      body: { version: current.version, resolvedAt: at(current.impactStartedAt.toISOString(), -2) },
    });
    expect(early.status).toBe(422);
    expect((await early.json()).errors).toHaveProperty("resolvedAt");
    const stillOpen = await connection.prisma.incident.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(stillOpen.resolvedAt).toBeNull();
  });

  it("imports the approvals taken in the old tool, under the policy's rules, idempotently", async () => {
    const approve = (change: string, body: object) => {
      const id = String(changeIds.get(change));
      return call(postApproval, { path: `/changes/${id}/approval`, token, params: { id }, body });
    };
    // The author cannot have approved their own change, and a decision names who and when.
    const self = await approve("c1", { decision: "approve", decidedBy: JUNIOR, decidedAt: APPROVALS[0][1] });
    expect(self.status).toBe(422);
    expect((await self.json()).errors).toHaveProperty("decidedBy");
    expect((await approve("c1", { decision: "approve", decidedBy: SENIOR })).status).toBe(422);
    // Without decidedBy it would be the token's own decision: that needs the `approve` scope.
    expect((await approve("c1", { decision: "approve" })).status).toBe(403);

    for (const [change, decidedAt] of APPROVALS) {
      const response = await approve(change, { decision: "approve", decidedBy: SENIOR, decidedAt });
      expect(response.status, change).toBe(200);
      const compliance = change === "c1" ? "COMPLIANT" : "VIOLATION";
      expect(await response.json()).toMatchObject({ approval: { state: "APPROVED", decidedAt, compliance } });
    }
    const auditRows = await connection.prisma.auditLog.count();
    const again = await approve("c1", { decision: "approve", decidedBy: SENIOR, decidedAt: APPROVALS[0][1] });
    expect(again.status).toBe(200);
    expect(await connection.prisma.auditLog.count()).toBe(auditRows);
    const decided = await connection.prisma.change.findUniqueOrThrow({
      where: { id: changeIds.get("c1") },
      select: { approvalDecidedAt: true, approver: { select: { email: true } } },
    });
    expect(decided).toEqual({ approvalDecidedAt: new Date(APPROVALS[0][1]), approver: { email: SENIOR } });
  });

  it("gives the weekly figures worked out by hand, and statistics equal to a full rebuild", async () => {
    const response = await call(getMetrics, { path: "/metrics?from=2026-07-27&to=2026-10-25", token });
    expect(response.status).toBe(200);
    const metrics = await response.json();
    type Ttr = {
      week: string;
      severity: string;
      resolved: number;
      medianHours: number | null;
      p90Hours: number | null;
    };
    const ttr = (week: string) => (metrics.timeToResolve as Ttr[]).find((r) => r.week === week && r.severity === "ALL");
    // Week of 3 Aug: resolved 2 h (routine), 4 h, 0.5 h; the Sev1 is open → median 2, p90 0.5…4 at 1.8 → 3.6.
    expect(ttr("2026-08-03")).toMatchObject({ resolved: 3, medianHours: 2, p90Hours: 3.6 });
    // Week of 7 Sep: 7 h (routine) and 10 h → median 8.5, p90 7 + 0.9 × 3 = 9.7.
    expect(ttr("2026-09-07")?.resolved).toBe(2);
    expect(ttr("2026-09-07")?.medianHours).toBeCloseTo(8.5, 9);
    expect(ttr("2026-09-07")?.p90Hours).toBeCloseTo(9.7, 9);
    // A quiet week: its routine incident alone (week 12 lasts 13 h).
    expect(ttr("2026-10-19")).toMatchObject({ resolved: 1, medianHours: 13, p90Hours: 13 });

    type Cfr = { week: string; aiShipped: number; aiFailed: number; otherShipped: number; otherFailed: number };
    const cfr = (week: string) => (metrics.changeFailure as Cfr[]).find((r) => r.week === week);
    // 3 Aug: c1 (AI, trigger) failed, c2 (AI) not; c3 rolled back failed, c4 contributing only → not failed.
    expect(cfr("2026-08-03")).toMatchObject({ aiShipped: 2, aiFailed: 1, otherShipped: 2, otherFailed: 1 });
    // 7 Sep: c5 (AI, root cause) failed; c6 suspected → not; c7 trigger of next week's incident → failed.
    expect(cfr("2026-09-07")).toMatchObject({ aiShipped: 1, aiFailed: 1, otherShipped: 2, otherFailed: 1 });
    const totals = (metrics.changeFailure as Cfr[]).reduce((sum, r) => sum + r.aiShipped + r.otherShipped, 0);
    expect(totals).toBe(7);

    type Compliance = { week: string; required: number; compliant: number; violations: number };
    const compliance = (week: string) =>
      (metrics.approvalCompliance.weeks as Compliance[]).find((r) => r.week === week);
    // 3 Aug: c1 approved before it shipped, c2 approved after → one compliant, one violation.
    expect(compliance("2026-08-03")).toMatchObject({ required: 2, compliant: 1, violations: 1 });
    // 7 Sep: c5 shipped with no approval at all.
    expect(compliance("2026-09-07")).toMatchObject({ required: 1, compliant: 0, violations: 1 });

    type Week = { week: string; total: number; sev1: number; sev2: number; sev3: number; aiLinked: number };
    const week = (monday: string) => (metrics.incidents as Week[]).find((r) => r.week === monday);
    expect(week("2026-08-03")).toMatchObject({ total: 4, sev1: 1, sev2: 2, sev3: 1, aiLinked: 1 });
    expect(week("2026-09-07")).toMatchObject({ total: 2, sev2: 1, sev3: 1, aiLinked: 1 });

    const snapshot = async () => ({
      incidents: await connection.prisma.$queryRaw`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
      changes: await connection.prisma.$queryRaw`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`,
    });
    const kept = await snapshot();
    await connection.prisma.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(kept).toEqual(await snapshot());
  });
});
