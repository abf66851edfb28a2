// Property: whatever writes happen, in whatever order and however many at once, the daily
// statistics kept by the database triggers equal a full rebuild from the base tables.
// Random sequences of every kind of write go through the real services, routes and webhooks;
// several sequences run at the same time on separate connections. Seeded and bounded.
import { integrationActor } from "@/lib/server/auth/actor";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { POST as postAlertmanager } from "@/app/api/v1/webhooks/alertmanager/[integrationId]/route";
import { POST as postGithub } from "@/app/api/v1/webhooks/github/[integrationId]/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { isAppError } from "@/lib/server/errors";
import { recordChangeAttribution } from "@/lib/server/services/attribution/record-change-attribution";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";
import { requestApproval } from "@/lib/server/services/approvals/request-approval";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { setRolledBack } from "@/lib/server/services/changes/set-rolled-back";
import { githubSignature } from "@/lib/server/services/integrations/webhook-auth";
import { changeIncidentSeverity } from "@/lib/server/services/incidents/change-incident-severity";
import { changeLinkRole } from "@/lib/server/services/incidents/change-link-role";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { linkChange } from "@/lib/server/services/incidents/link-change";
import { unlinkChange } from "@/lib/server/services/incidents/unlink-change";
import { updateBlastRadius } from "@/lib/server/services/incidents/update-blast-radius";
import { updateIncidentStatus } from "@/lib/server/services/incidents/update-incident-status";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { alertmanagerPayload, pullRequestPayload } from "@/lib/server/testing/webhook-payloads";

const HOUR = 3_600_000;
const ROLES = ["TRIGGER", "ROOT_CAUSE", "CONTRIBUTING", "SUSPECTED"] as const;
const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const STATUSES = ["IDENTIFIED", "MONITORING", "RESOLVED"] as const;
const SECRET = "whsec_property";
const KINDS = ["DEPLOY", "PULL_REQUEST", "CONFIG", "FEATURE_FLAG", "INFRA"] as const;
const INVOLVEMENTS = [null, "SUGGESTED", "CO_AUTHORED", "AGENT_AUTHORED"] as const;
// git-ai's own spec example: 73 AI lines and 9 human; more total lines lower the share, so
// the evidence falls in every band (0.89, 0.37, 0.15, 0.01), and a note without attestations.
const NOTES = ["git-ai-spec-sessions.note", "git-ai-test-serialize_deserialize_no_attestations.note"].map((name) =>
  readFileSync(path.join(import.meta.dirname, "../../../domain/attribution/fixtures", name), "utf8"),
);
const TOTAL_LINES = [82, 200, 500, 10_000];

let database: TestDatabase;
let wide: DbConnection;
const db = () => wide.prisma;
let authors: SessionUser[];
let approver: SessionUser;
let admin: SessionUser;
let serviceIds: number[];
let serviceSlugs: string[];
let toolId: number;
let token: string;
let githubId: number;
let alertmanagerId: number;

beforeAll(async () => {
  database = await useTestDatabase();
  // Several writers at once need several connections: getDb() answers with this pool.
  wide = openConnection({ kind: "postgres", url: database.url }, { poolSize: 16 });
  (globalThis as { __faultlineDb?: DbConnection }).__faultlineDb = wide;
  process.env.FAULTLINE_API_RATE_LIMIT = "1000000";
  // Days in Tokyo: UTC evenings and mornings fall on different days.
  await db().orgSettings.update({ where: { id: 1 }, data: { timeZone: "Asia/Tokyo" } });
  authors = await Promise.all((["JUNIOR", "MID", "SENIOR"] as const).map((level) => createTestUser(db(), { level })));
  approver = await createTestUser(db(), { level: "SENIOR" });
  admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  const services = await Promise.all([0, 1].map(() => createTestService(db())));
  serviceIds = services.map((s) => s.id);
  serviceSlugs = services.map((s) => s.slug);
  toolId = (await db().aiTool.create({ data: { name: "Copilot", slug: "copilot" } })).id;
  const api = newApiToken();
  await db().apiToken.create({
    data: {
      name: "ci",
      tokenHash: api.hash,
      prefix: api.prefix,
      scopes: ["changes:write", "read"],
      createdById: admin.id,
    },
  });
  token = api.token;
  githubId = (
    await db().integration.create({
      data: {
        kind: "GITHUB",
        name: "gh",
        secret: SECRET,
        createdById: admin.id,
        config: { repositories: { "acme/checkout": serviceSlugs[0] }, defaultService: null },
      },
    })
  ).id;
  await db().aiDetectionRule.create({
    data: { kind: "PR_LABEL", pattern: "ai-assisted", aiToolId: toolId, involvement: "CO_AUTHORED", position: 0 },
  });
  alertmanagerId = (
    await db().integration.create({
      data: {
        kind: "ALERTMANAGER",
        name: "alerts",
        secret: SECRET,
        createdById: admin.id,
        config: {
          severityLabel: "severity",
          severities: { critical: "SEV1", page: "SEV2", warning: "SEV3" },
          defaultSeverity: "SEV3",
          serviceLabel: "service",
          services: {},
          defaultService: serviceSlugs[1],
        },
      },
    })
  ).id;
}, 120_000);
afterAll(async () => {
  delete process.env.FAULTLINE_API_RATE_LIMIT;
  await wide?.close();
  await database?.dispose();
});

// ---- the writes -------------------------------------------------------------------------
const pick = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
const changeIds = async () =>
  (await db().change.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
const incidentIds = async () =>
  (await db().incident.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
const versionOf = async (id: number) => (await db().incident.findUniqueOrThrow({ where: { id } })).version;
/** A time on one of a few days around now (hours back from now), so writes share and move days. */
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR);
const external = (k: number, h: number, ai: boolean, author: number) => ({
  source: "ci",
  externalId: `deploy-${k}`,
  kind: "DEPLOY" as const,
  title: `Deploy ${k} @${h}`,
  serviceId: serviceIds[k % 2],
  authorId: authors[author].id,
  aiAssisted: ai,
  aiToolId: ai ? toolId : null,
  shippedAt: h < 0 ? null : hoursAgo(h),
});

const n = fc.nat(50);
const h = fc.integer({ min: -8, max: 80 }); // negative: not shipped
const write = fc.oneof(
  fc.record({ kind: fc.constant("declare"), sev: n, h: fc.nat(80), service: n }),
  fc.record({ kind: fc.constant("link"), incident: n, change: n, role: n }),
  fc.record({ kind: fc.constant("unlink"), incident: n, change: n }),
  fc.record({ kind: fc.constant("role"), incident: n, change: n, role: n }),
  fc.record({ kind: fc.constant("rollback"), change: n, clear: fc.boolean() }),
  fc.record({ kind: fc.constant("decide"), change: n, approve: fc.boolean() }),
  fc.record({ kind: fc.constant("request"), change: n }),
  fc.record({ kind: fc.constant("severity"), incident: n, sev: n }),
  fc.record({ kind: fc.constant("status"), incident: n, status: n }),
  fc.record({ kind: fc.constant("blast"), incident: n, pct: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant("register"), h, ai: fc.boolean(), author: fc.nat(2) }),
  fc.record({
    kind: fc.constant("batch"),
    items: fc.array(fc.record({ k: fc.nat(7), h, ai: fc.boolean(), author: fc.nat(2) }), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
  fc.record({ kind: fc.constant("api"), k: fc.nat(7), h, ai: fc.boolean(), author: fc.nat(2) }),
  fc.record({ kind: fc.constant("github"), pr: fc.nat(4), h: fc.nat(80), ai: fc.boolean() }),
  fc.record({ kind: fc.constant("alert"), group: fc.nat(2), sev: n, h: fc.nat(80), resolved: fc.boolean() }),
  // Attribution evidence through the service (may flip AI-assisted and flag a mismatch), its
  // removal and an edit of the change's dimensions by hand (SQL outside the services).
  fc.record({ kind: fc.constant("evidence"), change: n, note: fc.nat(1), lines: fc.nat(3) }),
  fc.record({ kind: fc.constant("forget"), change: n }),
  fc.record({ kind: fc.constant("edit"), change: n, kindOf: fc.nat(4), involvement: fc.nat(3), service: fc.nat(1) }),
  // Incident times set by hand (as an import corrects them): moves the impact's start, and
  // resolves, re-times or reopens it — the time-to-resolve values of the rollup follow.
  fc.record({ kind: fc.constant("times"), incident: n, h: fc.nat(80), took: fc.option(fc.nat(30)) }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(w: Write): Promise<void> {
  const actor = authors[0];
  switch (w.kind) {
    case "declare":
      await declareIncident({
        actor,
        input: {
          title: "Checkout down",
          severity: SEVERITIES[w.sev % 4],
          impactStartedAt: hoursAgo(w.h),
          serviceIds: [pick(serviceIds, w.service)!],
        },
      });
      return;
    case "link":
    case "role":
    case "unlink": {
      const [incidentId, changeId] = [pick(await incidentIds(), w.incident), pick(await changeIds(), w.change)];
      if (!incidentId || !changeId) return;
      if (w.kind === "unlink") return unlinkChange({ actor, input: { incidentId, changeId } });
      const input = { incidentId, changeId, role: ROLES[w.role % 4] };
      return w.kind === "link" ? linkChange({ actor, input }) : changeLinkRole({ actor, input });
    }
    case "rollback": {
      const changeId = pick(await changeIds(), w.change);
      if (changeId)
        await setRolledBack({ actor: admin, input: { changeId, rolledBackAt: w.clear ? null : new Date() } });
      return;
    }
    case "decide": {
      const changeId = pick(await changeIds(), w.change);
      if (!changeId) return;
      const input = { changeId, decision: w.approve ? "APPROVED" : "REJECTED", comment: "not like this" } as const;
      return decideChangeApproval({ actor: approver, input });
    }
    case "request": {
      const changeId = pick(await changeIds(), w.change);
      if (changeId) await requestApproval({ actor: admin, input: { changeId, title: "Revised change", comment: "" } });
      return;
    }
    case "severity":
    case "status":
    case "blast": {
      const incidentId = pick(await incidentIds(), w.incident);
      if (!incidentId) return;
      const version = await versionOf(incidentId);
      if (w.kind === "severity")
        return changeIncidentSeverity({
          actor,
          input: { incidentId, version, severity: SEVERITIES[w.sev % 4], reason: "re-rated" },
        });
      if (w.kind === "status")
        return updateIncidentStatus({
          actor,
          input: { incidentId, version, status: STATUSES[w.status % 3], note: "" },
        });
      return updateBlastRadius({
        actor,
        input: {
          incidentId,
          version,
          serviceIds,
          regionIds: [],
          capabilityIds: [],
          customerImpactPct: w.pct,
          failedTransactions: null,
        },
      });
    }
    case "register":
      await registerChange({
        actor: authors[w.author],
        input: {
          kind: "DEPLOY",
          title: "By hand",
          serviceId: serviceIds[w.author % 2],
          repository: null,
          externalId: null,
          externalUrl: null,
          authorId: authors[w.author].id,
          shippedAt: w.h < 0 ? null : hoursAgo(w.h),
          aiAssisted: w.ai,
          aiToolId: null,
          aiInvolvement: w.ai ? "CO_AUTHORED" : null,
        },
      });
      return;
    case "batch":
      await ingestChanges(
        integrationActor("API token ci", admin.id),
        w.items.map((i) => external(i.k, i.h, i.ai, i.author)),
      );
      return;
    case "api": {
      const body = external(w.k, w.h, w.ai, w.author);
      const response = await postChange(
        new Request("http://faultline.test/api/v1/changes", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            source: body.source,
            externalId: body.externalId,
            kind: body.kind,
            title: body.title,
            service: serviceSlugs[w.k % 2],
            author: authors[w.author].email,
            aiAssisted: w.ai,
            aiTool: w.ai ? "copilot" : null,
            shippedAt: body.shippedAt,
          }),
        }),
        { params: Promise.resolve({}) },
      );
      expect(response.status, await response.clone().text()).toBeLessThan(500);
      return;
    }
    case "github": {
      const payload = pullRequestPayload({
        number: 100 + w.pr,
        labels: w.ai ? ["ai-assisted"] : [],
        mergedAt: hoursAgo(w.h)
          .toISOString()
          .replace(/\.\d+Z$/, "Z"),
      });
      const raw = JSON.stringify(payload);
      const response = await postGithub(
        new Request(`http://faultline.test/api/v1/webhooks/github/${githubId}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "pull_request",
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": githubSignature(SECRET, raw),
          },
          body: raw,
        }),
        { params: Promise.resolve({ integrationId: String(githubId) }) },
      );
      expect(response.status, await response.clone().text()).toBeLessThan(500);
      return;
    }
    case "evidence": {
      const changeId = pick(await changeIds(), w.change);
      if (!changeId) return;
      await recordChangeAttribution({
        actor: admin,
        changeId,
        input: { format: "git-ai", note: NOTES[w.note], totalLines: TOTAL_LINES[w.lines] },
      });
      return;
    }
    case "forget": {
      const changeId = pick(await changeIds(), w.change);
      if (changeId) await db().changeAttribution.deleteMany({ where: { changeId } });
      return;
    }
    case "edit": {
      const changeId = pick(await changeIds(), w.change);
      if (changeId)
        await db().change.update({
          where: { id: changeId },
          data: { kind: KINDS[w.kindOf], aiInvolvement: INVOLVEMENTS[w.involvement], serviceId: serviceIds[w.service] },
        });
      return;
    }
    case "times": {
      const incidentId = pick(await incidentIds(), w.incident);
      if (incidentId)
        await db().incident.update({
          where: { id: incidentId },
          data: {
            impactStartedAt: hoursAgo(w.h),
            resolvedAt: w.took === null ? null : new Date(hoursAgo(w.h).getTime() + w.took * HOUR + 1),
          },
        });
      return;
    }
    case "alert": {
      const payload = alertmanagerPayload({
        status: w.resolved ? "resolved" : "firing",
        groupKey: `{}:{alertname="Alert${w.group}"}`,
        alerts: [
          {
            alertname: `Alert${w.group}`,
            severity: ["critical", "page", "warning"][w.sev % 3],
            fingerprint: `fp-${w.group}`,
            startsAt: hoursAgo(w.h).toISOString(),
            endsAt: w.resolved ? new Date().toISOString() : undefined,
          },
        ],
      });
      const response = await postAlertmanager(
        new Request(`http://faultline.test/api/v1/webhooks/alertmanager/${alertmanagerId}`, {
          method: "POST",
          headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
          body: JSON.stringify(payload),
        }),
        { params: Promise.resolve({ integrationId: String(alertmanagerId) }) },
      );
      expect(response.status, await response.clone().text()).toBeLessThan(500);
      return;
    }
  }
}

/** A refused write (conflict, not allowed, not found) is part of the game; anything else is a bug. */
const tolerated = (w: Write) =>
  apply(w).catch((error: unknown) => {
    if (isAppError(error) && error.status < 500) return;
    throw error;
  });

const statistics = async () => ({
  changes: await db().$queryRaw<unknown[]>`SELECT * FROM "DailyChangeStat" ORDER BY 1, 2, 3, 4, 5`,
  incidents: await db().$queryRaw<unknown[]>`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`,
  weeks: await db().$queryRaw<unknown[]>`SELECT * FROM "WeeklyResolveStat" ORDER BY 1, 2`,
  ai: await db().$queryRaw<unknown[]>`SELECT * FROM "DailyAiStat" ORDER BY 1, 2, 3, 4, 5, 6, 7`,
});

it("keeps the daily statistics equal to a full rebuild under random concurrent writes of every kind", async () => {
  let writes = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(write, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
      async (sequences) => {
        // Each sequence is one writer, in order; the writers run at the same time.
        await Promise.all(
          sequences.map(async (sequence) => {
            for (const w of sequence) await tolerated(w);
          }),
        );
        writes += sequences.flat().length;
        const kept = await statistics();
        await db().$executeRaw`SELECT "faultline_rebuild_stats"()`;
        expect(kept).toEqual(await statistics());
      },
    ),
    { seed: 20261129, numRuns: 40, interruptAfterTimeLimit: 75_000 },
  );
  // The test means something only if the writes produced figures.
  const totals = await db().$queryRaw<
    Array<{
      shipped: number;
      failed: number;
      incidents: number;
      resolved: number;
      measured: number;
      mismatches: number;
    }>
  >`
    SELECT (SELECT sum(shipped)::int FROM "DailyChangeStat") AS shipped, (SELECT sum(failed)::int FROM "DailyChangeStat") AS failed,
           (SELECT sum(incidents)::int FROM "DailyIncidentStat") AS incidents,
           (SELECT sum(cardinality(hours))::int FROM "WeeklyResolveStat" WHERE severity = 'ALL') AS resolved,
           (SELECT sum(changes)::int FROM "DailyAiStat" WHERE band <> 'NO_EVIDENCE') AS measured,
           (SELECT sum(changes)::int FROM "DailyAiStat" WHERE mismatch) AS mismatches`;
  console.log(`[stats-property] ${writes} writes; now`, totals[0]);
  expect(totals[0].failed).toBeGreaterThan(0);
  expect(totals[0].incidents).toBeGreaterThan(0);
  expect(totals[0].resolved).toBeGreaterThan(0);
  expect(totals[0].measured).toBeGreaterThan(0);
  expect(totals[0].mismatches).toBeGreaterThan(0);
}, 90_000);
