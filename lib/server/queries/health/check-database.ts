import "server-only";
import { getConnection } from "@/lib/server/db";
import { describeDbTarget } from "@/lib/server/db/target";
import { getLogger } from "@/lib/server/observability/logger";

export async function checkDatabase(): Promise<{ ok: boolean; kind: "postgres" | "embedded"; message?: string }> {
  const connection = getConnection();
  try {
    await connection.prisma.$queryRaw`SELECT 1`;
    return { ok: true, kind: connection.target.kind };
  } catch (error) {
    getLogger().error({ err: error, database: describeDbTarget(connection.target) }, "health check failed");
    return { ok: false, kind: connection.target.kind, message: "The database does not answer." };
  }
}
