import { checkDatabase } from "@/lib/server/queries/health/check-database";

export const dynamic = "force-dynamic";

/** Liveness and database readiness, for load balancers and the test runner. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database.ok ? "ok" : "degraded", database }, { status: database.ok ? 200 : 503 });
}
