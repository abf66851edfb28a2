// The demo organisation: teams, services, people, ~16 weeks of changes and incidents with
// the trends the dashboards are about (more AI-assisted changes every week, and those fail
// more often). Deterministic: the same seed, options and `now` give the same rows.
//
// Fills a freshly migrated, empty database. Big tables are written in chunks with one
// `INSERT … SELECT FROM unnest(…)` per table and chunk, with ids set here (then the id
// sequences are moved past them), so 1M changes and 100k incidents take minutes, not hours.
// No interactive transaction and no parallel queries: PGlite has a single connection.
// Not marked "server-only": scripts/seed.ts runs it outside Next.js.
import type { Db } from "@/lib/server/db/connection";
import { DEMO_PASSWORD } from "./demo-catalog";
import { generateChanges } from "./demo-changes";
import { generateIncidents } from "./demo-incidents";
import { createDemoOrganisation, type DemoAccount } from "./demo-organisation";
import { Rng, WEEK } from "./demo-random";

export { DEMO_PASSWORD };
export type { DemoAccount };

export type DemoDataOptions = {
  /** Default 42; same seed + same options ⇒ identical data. */
  seed?: number;
  /** Default 3000 (≈16 weeks of a mid-size organisation); scales to 1,000,000. */
  changes?: number;
  /** Default 160; scales to 100,000. */
  incidents?: number;
  /** Default 16: the span ending at `now`. */
  weeks?: number;
  /** Default: the current time. Everything generated lies in [now − weeks, now]. */
  now?: Date;
  log?: (line: string) => void;
};

export type DemoDataResult = { accounts: DemoAccount[]; counts: Record<string, number> };

// Rows per INSERT. Prisma's debug module keeps the arguments of the last 100 queries in
// memory (even with debugging off), so smaller chunks keep the memory bounded: ~300 MB at
// 1M changes instead of every row ever sent. Round trips are cheap next to the rows.
const CHANGE_CHUNK = 5_000;
const INCIDENT_CHUNK = 2_000;
/** Above this many incidents the timeline keeps two events per incident. */
const FULL_TIMELINE_LIMIT = 2_000;
const TABLES_WITH_SET_IDS = ["Change", "ApprovalDecision", "Incident", "TimelineEvent", "ActionItem"] as const;

export async function generateDemoData(db: Db, options: DemoDataOptions = {}): Promise<DemoDataResult> {
  const seed = options.seed ?? 42;
  const changeCount = options.changes ?? 3000;
  const incidentCount = options.incidents ?? 160;
  const weeks = options.weeks ?? 16;
  const now = options.now ?? new Date();
  const began = Date.now();
  const say = options.log ?? (() => {});
  const log = (line: string) => say(`${line} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  assertCount("seed", seed, -(2 ** 31), 2 ** 32);
  assertCount("changes", changeCount, 0, 5_000_000);
  assertCount("incidents", incidentCount, 0, 1_000_000);
  assertCount("weeks", weeks, 1, 520);
  if (Number.isNaN(now.getTime())) throw new Error("Demo data: `now` is not a valid date.");

  const users = await db.user.count();
  if (users > 0) {
    throw new Error(
      `The database already has ${users} user(s); demo data only goes into an empty database. ` +
        `Point DATABASE_URL (or FAULTLINE_DATA_DIR) at a new, empty database and run again.`,
    );
  }

  const end = now.getTime();
  const start = end - weeks * WEEK;
  say(
    `Generating demo data: ${changeCount.toLocaleString("en-US")} changes and ${incidentCount.toLocaleString("en-US")} incidents over ${weeks} weeks (seed ${seed}).`,
  );

  // Separate random streams, so that e.g. more incidents do not reshuffle the changes.
  const org = await createDemoOrganisation(db, { seed, rng: new Rng(seed, 1), createdAt: new Date(start) });
  const expectedTriggerLinks = incidentCount * 0.6;
  const { index, approvalDecisions } = await generateChanges(db, org, {
    rng: new Rng(seed, 2),
    count: changeCount,
    start,
    end,
    chunkSize: CHANGE_CHUNK,
    log,
    expectedTriggerLinks,
  });
  const incidentCounts = await generateIncidents(db, org, index, {
    rng: new Rng(seed, 3),
    count: incidentCount,
    start,
    end,
    chunkSize: INCIDENT_CHUNK,
    compactTimeline: incidentCount > FULL_TIMELINE_LIMIT,
    // Triggers rolled back during mitigation add ~1.5% of changes to the rolled-back ones.
    triggerRollbackChance: Math.min(0.5, (0.015 * changeCount) / Math.max(1, expectedTriggerLinks)),
    log,
  });

  // Ids were set explicitly: move each sequence past them so the app's own inserts work.
  for (const table of TABLES_WITH_SET_IDS) {
    await db.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
    );
  }
  // The dashboard reads pre-aggregated daily statistics; bulk inserts bypass the services
  // that keep them, so build them once here.
  await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
  log("daily statistics");
  // After a bulk load, as a production database would be: VACUUM sets the visibility map, so
  // the covering indexes the dashboard reads answer index-only (decision 024) without
  // waiting for autovacuum, which may be off or far behind.
  await db.$executeRawUnsafe(`VACUUM (ANALYZE)`);

  const counts: Record<string, number> = {
    teams: org.teamIds.length,
    services: org.services.length,
    users: org.people.length,
    capabilities: org.capabilityIds.length,
    regions: org.regionIds.length,
    contributingFactors: org.factorIds.length,
    aiTools: org.aiToolIds.length,
    changes: changeCount,
    approvalDecisions,
    ...incidentCounts,
  };
  return { accounts: org.accounts, counts };
}

function assertCount(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `Demo data: ${name} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")} (got ${value}).`,
    );
  }
}
