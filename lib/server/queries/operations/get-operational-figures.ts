import "server-only";
import { getConnection } from "@/lib/server/db";
import type { PoolStats } from "@/lib/server/db/connection";

export type QueueFigures = {
  kind: string;
  pending: number;
  retrying: number;
  failed: number;
  oldestPendingSeconds: number;
};

export type OperationalFigures = {
  pool: PoolStats | null;
  /** Null when the database did not answer. */
  database: {
    openIncidents: Record<"SEV1" | "SEV2" | "SEV3" | "SEV4", number>;
    changesWaitingForApproval: number;
    queue: QueueFigures[];
    querySeconds: number;
  } | null;
};

/**
 * What /metrics reports from the database, computed at scrape time in one round trip of three
 * index-served counts: open incidents by severity (index on status), changes waiting for approval
 * (index on approvalState; the definition of prisma/definitions.sql's PENDING compliance with no
 * decision), and the outbound queue by kind (index on status; delivered rows are not scanned).
 * An outbound delivery's kind is where it goes: an outbound webhook, a Slack destination, an email or an integration.
 */
export async function getOperationalFigures(): Promise<OperationalFigures> {
  const connection = getConnection();
  const pool = connection.poolStats?.() ?? null;
  const started = performance.now();
  try {
    const [, incidents, waiting, queue] = await connection.prisma.$transaction([
      // A scrape must not pile up behind a slow database (Prometheus gives up after 10 s anyway).
      connection.prisma.$executeRaw`SET LOCAL statement_timeout = '3s'`,
      // Every status but RESOLVED, listed (not <> 'RESOLVED') so that the index on status serves it.
      connection.prisma.$queryRaw<{ severity: string; count: number }[]>`
        SELECT severity::text AS severity, count(*)::int AS count
        FROM "Incident" WHERE status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') GROUP BY severity`,
      connection.prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "Change"
        WHERE "approvalState" = 'PENDING' AND "approvalRequired" AND "shippedAt" IS NULL`,
      connection.prisma.$queryRaw<QueueFigures[]>`
        SELECT CASE WHEN d."emailTo" IS NOT NULL THEN 'email'
                    WHEN w.kind = 'SLACK' THEN 'slack'
                    WHEN d."webhookId" IS NOT NULL THEN 'webhook'
                    ELSE 'integration' END AS kind,
               count(*) FILTER (WHERE d.status = 'PENDING')::int AS pending,
               count(*) FILTER (WHERE d.status = 'PENDING' AND d.attempts > 0)::int AS retrying,
               count(*) FILTER (WHERE d.status = 'FAILED')::int AS failed,
               coalesce(extract(epoch FROM now() - min(d."createdAt") FILTER (WHERE d.status = 'PENDING')), 0)::float8
                 AS "oldestPendingSeconds"
        FROM "OutboundDelivery" d LEFT JOIN "OutboundWebhook" w ON w.id = d."webhookId"
        WHERE d.status <> 'SUCCEEDED' GROUP BY 1`,
    ]);
    const openIncidents = { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 };
    for (const row of incidents) openIncidents[row.severity as keyof typeof openIncidents] = row.count;
    return {
      pool,
      database: {
        openIncidents,
        changesWaitingForApproval: waiting[0]?.count ?? 0,
        queue,
        querySeconds: (performance.now() - started) / 1000,
      },
    };
  } catch {
    return { pool, database: null };
  }
}
