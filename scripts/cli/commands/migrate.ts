import type { Command } from "commander";
import { getConnection } from "@/lib/server/db";
import { applyMigrations } from "@/lib/server/db/migrate";
import { databaseName, runCommand } from "../run";

/** `faultline migrate`: what the app does at start-up, for operators and CI. */
export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations (the app also does this when it starts).")
    .action(() =>
      runCommand(async () => {
        const report = await getConnection().withSession((session) => applyMigrations(session));
        for (const warning of report.checksumWarnings) console.warn(`warning: ${warning}`);
        console.log(
          `${databaseName()}: applied ${report.applied.length} migration(s)` +
            (report.applied.length ? ` (${report.applied.join(", ")})` : "") +
            `, ${report.alreadyApplied} already applied.`,
        );
      }),
    );
}
