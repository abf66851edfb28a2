import { problem, withApiErrors } from "@/lib/server/api/problem";
import { checkReadiness } from "@/lib/server/queries/operations/check-readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness, for load balancers and orchestrators: 200 when the database answers and every
 * migration of this build is applied; 503 (problem details saying which) otherwise.
 * /api/health stays the liveness check.
 */
export const GET = withApiErrors(async () => {
  const readiness = await checkReadiness();
  if (readiness.ready)
    return Response.json(
      { status: "ready", database: "ok", migrations: { applied: readiness.migrations, pending: 0 } },
      { headers: { "cache-control": "no-store" } },
    );
  return problem(
    503,
    "Service unavailable",
    readiness.detail,
    { reason: readiness.reason, ...(readiness.pending ? { pending: readiness.pending } : {}) },
    { "retry-after": "5", "cache-control": "no-store" },
  );
});
