import "server-only";
import type { OperationalFigures } from "@/lib/server/queries/operations/get-operational-figures";
import { getMetrics } from "./metrics";

const KINDS = ["webhook", "slack", "email", "integration"];

/** Sets the scrape-time gauges from the database's figures (a failed query leaves them out and says so). */
export function applyOperationalFigures(figures: OperationalFigures): void {
  const metrics = getMetrics();
  if (figures.pool) {
    metrics.poolMax.set(figures.pool.max);
    metrics.poolConnections.set({ state: "total" }, figures.pool.total);
    metrics.poolConnections.set({ state: "idle" }, figures.pool.idle);
    metrics.poolConnections.set({ state: "waiting" }, figures.pool.waiting);
  }
  const db = figures.database;
  metrics.databaseUp.set(db ? 1 : 0);
  for (const gauge of [
    metrics.incidentsOpen,
    metrics.changesWaiting,
    metrics.queueDepth,
    metrics.queueRetrying,
    metrics.queueFailed,
    metrics.queueOldestPending,
    metrics.scrapeQuerySeconds,
  ])
    gauge.reset();
  if (!db) return;
  for (const [severity, count] of Object.entries(db.openIncidents)) metrics.incidentsOpen.set({ severity }, count);
  metrics.changesWaiting.set(db.changesWaitingForApproval);
  // Every known kind appears, 0 when it has nothing queued; kinds added later appear when they have rows.
  const kinds = new Set([...KINDS, ...db.queue.map((row) => row.kind)]);
  for (const kind of kinds) {
    const row = db.queue.find((candidate) => candidate.kind === kind);
    metrics.queueDepth.set({ kind }, row?.pending ?? 0);
    metrics.queueRetrying.set({ kind }, row?.retrying ?? 0);
    metrics.queueFailed.set({ kind }, row?.failed ?? 0);
    metrics.queueOldestPending.set({ kind }, row?.oldestPendingSeconds ?? 0);
  }
  metrics.scrapeQuerySeconds.set(db.querySeconds);
}
