import "server-only";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/server/api/idempotency";
import { getDb } from "@/lib/server/db";

/** How long records are kept; every figure can be set in the environment (README, docs/webhooks.md). */
export type RetentionSettings = {
  /** Processed inbound deliveries, finished outbound deliveries (and their attempt log). */
  deliveryDays: number;
  /** Rate-limit counters whose window started longer ago and that block nothing now. */
  rateLimitHours: number;
  /** Rows per DELETE statement: each batch is its own short transaction. */
  batchSize: number;
  /** Batches per table per run, so one run stays bounded however much is due. */
  maxBatches: number;
};

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? Math.max(value, minimum) : fallback;
}

export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  return {
    // At least a day: the inbound record is what makes a sender's retry a no-op.
    deliveryDays: envNumber(env, "FAULTLINE_RETENTION_DELIVERY_DAYS", 30, 1),
    // At least an hour: longer than any rate-limit or sign-in throttle window.
    rateLimitHours: envNumber(env, "FAULTLINE_RETENTION_RATE_LIMIT_HOURS", 24, 1),
    batchSize: Math.floor(envNumber(env, "FAULTLINE_RETENTION_BATCH", 1000, 1)),
    maxBatches: 20,
  };
}

export type PruneReport = {
  processedDeliveries: number;
  outboundDeliveries: number;
  rateLimits: number;
  idempotencyKeys: number;
};

/**
 * Deletes what has outlived its retention, in batches of `batchSize`. Safe with any number of
 * instances at once: each batch locks its rows with FOR UPDATE SKIP LOCKED, so two workers
 * never wait on (or count) the same rows. PENDING outbound deliveries are never touched.
 */
export async function pruneExpiredRecords(settings: RetentionSettings = retentionSettings()): Promise<PruneReport> {
  const db = getDb();
  const { deliveryDays: days, rateLimitHours: hours, batchSize: limit } = settings;
  const inBatches = async (deleteBatch: () => Promise<number>) => {
    let total = 0;
    for (let batch = 0; batch < settings.maxBatches; batch += 1) {
      const deleted = await deleteBatch();
      total += deleted;
      if (deleted < limit) break;
    }
    return total;
  };
  return {
    processedDeliveries: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "ProcessedDelivery" WHERE ctid IN (
          SELECT ctid FROM "ProcessedDelivery" WHERE "processedAt" < now() - ${days} * interval '1 day'
          LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    ),
    // Finished, created before the cutoff and no attempt since (a redelivered one counts from its last attempt).
    outboundDeliveries: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "OutboundDelivery" WHERE id IN (
          SELECT d.id FROM "OutboundDelivery" d
          WHERE d.status IN ('SUCCEEDED', 'FAILED') AND d."createdAt" < now() - ${days} * interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM "OutboundDeliveryAttempt" a
                            WHERE a."deliveryId" = d.id AND a.at >= now() - ${days} * interval '1 day')
          LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)`,
    ),
    rateLimits: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "RateLimit" WHERE key IN (
          SELECT key FROM "RateLimit"
          WHERE "windowStart" < now() - ${hours} * interval '1 hour'
            AND ("blockedUntil" IS NULL OR "blockedUntil" < now())
          LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    ),
    idempotencyKeys: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "ApiIdempotencyKey" WHERE ctid IN (
          SELECT ctid FROM "ApiIdempotencyKey" WHERE "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
          LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    ),
  };
}
