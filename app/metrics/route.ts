import { problem, withApiErrors } from "@/lib/server/api/problem";
import { applyOperationalFigures } from "@/lib/server/observability/collect-scrape";
import { getMetrics } from "@/lib/server/observability/metrics";
import { metricsAccess, MIN_METRICS_TOKEN_LENGTH } from "@/lib/server/observability/metrics-access";
import { getOperationalFigures } from "@/lib/server/queries/operations/get-operational-figures";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this process (docs/operations.md); bearer FAULTLINE_METRICS_TOKEN. */
export const GET = withApiErrors(async (request: Request) => {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "off")
    return problem(404, "Not found", "Metrics are off. Set FAULTLINE_METRICS_TOKEN on the server to serve /metrics.");
  if (access === "misconfigured")
    return problem(
      503,
      "Service unavailable",
      `FAULTLINE_METRICS_TOKEN is shorter than ${MIN_METRICS_TOKEN_LENGTH} characters. Set a long random value (e.g. \`openssl rand -hex 32\`) and restart.`,
    );
  if (access === "unauthenticated")
    return problem(
      401,
      "Unauthenticated",
      "Send the metrics token as `Authorization: Bearer <FAULTLINE_METRICS_TOKEN>` (Prometheus: `authorization.credentials`).",
      {},
      { "www-authenticate": 'Bearer realm="faultline-metrics"' },
    );
  applyOperationalFigures(await getOperationalFigures());
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
