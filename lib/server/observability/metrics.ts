import "server-only";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus registry. Request latency is observed by the server hook
 * (http-observer.ts); the database-derived gauges are set at scrape time by app/metrics.
 * Metrics are per process, as Prometheus expects: scrape every instance.
 */
export type AppMetrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  databaseUp: Gauge;
  poolConnections: Gauge<"state">;
  poolMax: Gauge;
  queueDepth: Gauge<"kind">;
  queueRetrying: Gauge<"kind">;
  queueFailed: Gauge<"kind">;
  queueOldestPending: Gauge<"kind">;
  incidentsOpen: Gauge<"severity">;
  changesWaiting: Gauge;
  scrapeQuerySeconds: Gauge;
};

function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // prom-client also reports these three as gauges named *_total, which Prometheus's naming rules
  // (and `promtool check metrics`) reserve for counters; the same figures stay available without
  // the suffix (nodejs_active_handles, nodejs_active_requests, nodejs_active_resources).
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"])
    registry.removeSingleMetric(name);
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    httpDuration: new Histogram({
      name: "faultline_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern (not raw path).",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    databaseUp: gauge("faultline_database_up", "1 when the database answered this scrape's queries, else 0."),
    poolConnections: gauge("faultline_db_pool_connections", "PostgreSQL pool clients of this process.", [
      "state",
    ] as const),
    poolMax: gauge("faultline_db_pool_max_connections", "The PostgreSQL pool's size limit in this process."),
    queueDepth: gauge("faultline_outbound_queue_depth", "Outbound deliveries waiting to be sent (all instances).", [
      "kind",
    ] as const),
    queueRetrying: gauge(
      "faultline_outbound_queue_retrying",
      "Outbound deliveries waiting after at least one failed attempt.",
      ["kind"] as const,
    ),
    queueFailed: gauge(
      "faultline_outbound_deliveries_failed",
      "Outbound deliveries given up after the last retry (kept for the retention period).",
      ["kind"] as const,
    ),
    queueOldestPending: gauge(
      "faultline_outbound_queue_oldest_pending_seconds",
      "Age of the oldest outbound delivery still waiting (0 when none).",
      ["kind"] as const,
    ),
    incidentsOpen: gauge("faultline_incidents_open", "Incidents not resolved yet, by severity.", ["severity"] as const),
    changesWaiting: gauge(
      "faultline_changes_waiting_for_approval",
      "Changes that need an approval, have none decided and have not shipped.",
    ),
    scrapeQuerySeconds: gauge("faultline_metrics_query_seconds", "How long this scrape's database queries took."),
  };
}

const holder = globalThis as typeof globalThis & { __faultlineMetrics?: AppMetrics };

export function getMetrics(): AppMetrics {
  holder.__faultlineMetrics ??= createMetrics();
  return holder.__faultlineMetrics;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Method label: the standard ones, anything else "OTHER" (a client must not be able to add label values). */
export const methodLabel = (method: string | undefined) => (method && METHODS.has(method) ? method : "OTHER");

/** Status label: the code when it is a valid HTTP status, else "0" (connection closed before an answer). */
export const statusLabel = (status: number) => (status >= 100 && status <= 599 ? String(status) : "0");
