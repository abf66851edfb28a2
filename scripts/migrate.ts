// Applies pending migrations to the database the app would use (DATABASE_URL, else the
// embedded one). The app also does this at start-up; this is for operators and CI.
import { openConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { describeDbTarget, resolveDbTarget } from "@/lib/server/db/target";

const target = resolveDbTarget();
const connection = openConnection(target);
try {
  const report = await connection.withSession((session) => applyMigrations(session));
  for (const warning of report.checksumWarnings) console.warn(`warning: ${warning}`);
  console.log(
    `${describeDbTarget(target)}: applied ${report.applied.length} migration(s)` +
      (report.applied.length ? ` (${report.applied.join(", ")})` : "") +
      `, ${report.alreadyApplied} already applied.`,
  );
} finally {
  await connection.close();
}
