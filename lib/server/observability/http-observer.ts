import "server-only";
import http from "node:http";
import { getLogger } from "./logger";
import { getMetrics, methodLabel, statusLabel } from "./metrics";
import { acceptRequestId, newRequestId, REQUEST_ID_HEADER, runWithRequestId } from "./request-context";
import { currentRouteTable, routePatternOf } from "./route-pattern";

/** Probes and scrapes are logged at debug level: they arrive every few seconds and say nothing new. */
const QUIET_ROUTES = new Set(["/api/health", "/api/ready", "/metrics"]);

const holder = globalThis as typeof globalThis & { __faultlineRequestObserver?: boolean };

/**
 * The one place every request passes (pages, server actions, API, static files): Next.js has no
 * hook around a whole request, so, like the peer-address header, this wraps the Node server's
 * "request" event. For each request it
 * - takes the client's x-request-id when well-formed, else makes one; puts it on the request
 *   (route handlers read it) and on the response, and runs the request inside its context
 *   (log lines and problem details carry it);
 * - on finish, observes the latency histogram by route pattern and writes one access log line
 *   (path without query string: query strings may hold secrets).
 * Called once from instrumentation.ts.
 */
export function installRequestObserver(): void {
  if (holder.__faultlineRequestObserver) return;
  holder.__faultlineRequestObserver = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.apply(this, [event, ...args] as never);
    const request = args[0] as http.IncomingMessage;
    const response = args[1] as http.ServerResponse;
    const requestId = acceptRequestId(request.headers[REQUEST_ID_HEADER]) ?? newRequestId();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observe(request, response, requestId, Number(process.hrtime.bigint() - started) / 1e9);
    };
    response.once("finish", finish);
    response.once("close", finish);
    return runWithRequestId(requestId, () => emit.apply(this, [event, ...args] as never));
  } as typeof emit;
}

function observe(request: http.IncomingMessage, response: http.ServerResponse, requestId: string, seconds: number) {
  try {
    const pathname = pathOf(request.url);
    const route = routePatternOf(pathname, currentRouteTable());
    const method = methodLabel(request.method);
    const status = response.writableFinished ? response.statusCode : 0;
    getMetrics().httpDuration.observe({ method, route, status: statusLabel(status) }, seconds);
    const line = { requestId, method, route, path: pathname, status, durationMs: Math.round(seconds * 10000) / 10 };
    const logger = getLogger();
    if (QUIET_ROUTES.has(route)) logger.debug(line, "request");
    else if (status >= 500 || status === 0) logger.warn(line, "request");
    else logger.info(line, "request");
  } catch {
    // Observing must never break serving.
  }
}

function pathOf(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0];
  // Cap what a log line repeats of a client's path.
  return raw.length > 512 ? `${raw.slice(0, 512)}…` : raw;
}
