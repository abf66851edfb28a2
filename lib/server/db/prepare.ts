import "server-only";
import { getConnection } from "@/lib/server/db";
import { applyMigrations } from "./migrate";
import { describeDbTarget } from "./target";

/**
 * Runs once when a server starts: applies pending migrations, then, on the embedded
 * database (or when FAULTLINE_DEMO_DATA=1), fills an empty database with demo data and
 * prints the demo sign-ins.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const connection = getConnection();
  const where = describeDbTarget(connection.target);
  if (env.FAULTLINE_SKIP_MIGRATIONS !== "1") {
    const report = await connection.withSession((session) => applyMigrations(session));
    for (const warning of report.checksumWarnings) console.warn(`[faultline] warning: ${warning}`);
    console.log(
      `[faultline] ${where}: ${report.applied.length} migration(s) applied, ${report.alreadyApplied} already in place.`,
    );
  }

  const { createFirstAdmin } = await import("@/lib/server/services/users/create-first-admin");
  const firstAdmin = await createFirstAdmin(env);
  if (firstAdmin.created) console.log(`[faultline] First admin ${env.FAULTLINE_ADMIN_EMAIL} created.`);
  else if (firstAdmin.reason === "has-users" && env.FAULTLINE_ADMIN_EMAIL)
    console.log("[faultline] FAULTLINE_ADMIN_EMAIL ignored: this database already has users.");

  const wantsDemo = env.FAULTLINE_DEMO_DATA ? env.FAULTLINE_DEMO_DATA === "1" : connection.target.kind === "embedded";
  if (!wantsDemo || (await connection.prisma.user.count()) > 0) return;

  const { generateDemoData } = await import("@/lib/server/demo/generate-demo-data");
  const started = Date.now();
  const { accounts } = await generateDemoData(connection.prisma, { log: (line) => console.log(`[faultline] ${line}`) });
  console.log(
    `[faultline] Demo organisation created in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in with:`,
  );
  for (const account of accounts) {
    console.log(
      `[faultline]   ${account.email.padEnd(26)} ${account.password}   (${account.role.toLowerCase()}, ${account.level.toLowerCase()})`,
    );
  }
}
