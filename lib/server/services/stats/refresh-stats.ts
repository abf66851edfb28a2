import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Keeps the pre-aggregated daily statistics (DailyChangeStat, DailyIncidentStat) true:
 * recomputes the days of these changes and incidents, in the caller's transaction.
 * The SQL lives in the migration that created the tables (faultline_refresh_stats).
 */
export async function refreshStats(
  tx: Prisma.TransactionClient,
  touched: { changeIds?: number[]; incidentIds?: number[] },
): Promise<void> {
  await tx.$executeRaw`SELECT "faultline_refresh_stats"(${touched.changeIds ?? []}::int[], ${touched.incidentIds ?? []}::int[])`;
}
