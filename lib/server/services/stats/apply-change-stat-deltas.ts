import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What one shipped change adds to (sign 1) or takes from (sign -1) its day's statistics. */
export type ChangeStatContribution = {
  sign: 1 | -1;
  shippedAt: Date | null;
  serviceId: number;
  aiAssisted: boolean;
  aiToolId: number | null;
  authorLevel: string | null;
  failed: boolean;
  required: boolean;
  compliant: boolean;
};

/**
 * Keeps DailyChangeStat true by adding and subtracting contributions instead of recomputing
 * whole days (docs/decisions/006-dashboard-rollups.md): bulk and concurrent ingestion would
 * otherwise queue behind one another on the day's lock. Writers hold the day's advisory lock
 * in shared mode — they commute — while a full recompute (faultline_refresh_change_days)
 * takes it exclusively, so a recompute never loses or double-counts a concurrent delta.
 */
export async function applyChangeStatDeltas(
  tx: Prisma.TransactionClient,
  contributions: ChangeStatContribution[],
): Promise<void> {
  const shipped = contributions.filter((c) => c.shippedAt !== null);
  if (shipped.length === 0) return;
  const column = <T>(pick: (c: ChangeStatContribution) => T) => shipped.map(pick);
  const times = column((c) => c.shippedAt!.toISOString());
  await tx.$executeRawUnsafe(
    `WITH locked AS (
       SELECT count(pg_advisory_xact_lock_shared(727074, d - date '2000-01-01')) AS n
       FROM (SELECT DISTINCT (t AT TIME ZONE "faultline_time_zone"())::date AS d FROM unnest($2::timestamptz[]) AS t ORDER BY 1) days
     ),
     delta AS (
       SELECT (t.shipped_at AT TIME ZONE "faultline_time_zone"())::date AS day, t.service_id, t.ai, coalesce(t.tool, 0) AS tool, coalesce(t.level, 'UNKNOWN') AS level,
              sum(t.sign) AS shipped, sum(t.sign * t.failed::int) AS failed, sum(t.sign * t.required::int) AS required, sum(t.sign * t.compliant::int) AS compliant
       FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::boolean[], $5::int[], $6::text[], $7::boolean[], $8::boolean[], $9::boolean[])
         AS t(sign, shipped_at, service_id, ai, tool, level, failed, required, compliant)
       WHERE (SELECT n FROM locked) >= 0 -- the day locks are taken before any row is written
       GROUP BY 1, 2, 3, 4, 5
       HAVING sum(t.sign) <> 0 OR sum(t.sign * t.failed::int) <> 0 OR sum(t.sign * t.required::int) <> 0 OR sum(t.sign * t.compliant::int) <> 0
     )
     INSERT INTO "DailyChangeStat" AS s ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel", "shipped", "failed", "required", "compliant")
     SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel") DO UPDATE SET
       "shipped" = s."shipped" + excluded."shipped", "failed" = s."failed" + excluded."failed",
       "required" = s."required" + excluded."required", "compliant" = s."compliant" + excluded."compliant"`,
    column((c) => c.sign),
    times,
    column((c) => c.serviceId),
    column((c) => c.aiAssisted),
    column((c) => c.aiToolId),
    column((c) => c.authorLevel),
    column((c) => c.failed),
    column((c) => c.required),
    column((c) => c.compliant),
  );
  // A full recompute never writes empty rows; neither do deltas. Only a removal can empty one.
  if (shipped.every((c) => c.sign > 0)) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "DailyChangeStat" WHERE "shipped" = 0 AND "day" = ANY(ARRAY(SELECT (t AT TIME ZONE "faultline_time_zone"())::date FROM unnest($1::timestamptz[]) AS t))`,
    times,
  );
}
