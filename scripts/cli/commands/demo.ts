import type { Command } from "commander";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { getConnection } from "@/lib/server/db";
import { applyMigrations } from "@/lib/server/db/migrate";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";
import { removeDemoData } from "@/lib/server/services/demo/remove-demo-data";
import { databaseName, runCommand } from "../run";

/** `faultline demo seed | remove`: the demo organisation, into an empty database and out again. */
export function registerDemoCommands(program: Command): void {
  const demo = program.command("demo").description("The demo organisation (marked as demo, removable).");
  demo
    .command("seed")
    .description("Fill an empty database (no users) with the demo organisation.")
    .option("--seed <n>", "random seed (same seed, same data)", "42")
    .action((options: { seed: string }) =>
      runCommand(async () => {
        const connection = getConnection();
        await connection.withSession((session) => applyMigrations(session));
        const users = await connection.prisma.user.count();
        if (users > 0) {
          throw new Error(
            `${databaseName()} already has ${users} user(s): demo data only goes into an empty database.`,
          );
        }
        const { accounts } = await generateDemoData(connection.prisma, { seed: Number(options.seed) || 42 });
        console.log(`Demo organisation created in ${databaseName()}. Sign in with (password ${accounts[0].password}):`);
        for (const account of accounts) console.log(`  ${account.email.padEnd(24)} ${account.role.toLowerCase()}`);
        console.log("Remove it with: npx faultline demo remove");
      }),
    );
  demo
    .command("remove")
    .description("Delete the demo incidents, changes, links, people and their audit rows; real data stays.")
    .action(() =>
      runCommand(async () => {
        const removed = await removeDemoData({ actor: CLI_ACTOR });
        console.log(
          `Removed ${removed.incidents} demo incident(s), ${removed.changes} change(s), ${removed.users} person(s)` +
            ` and ${removed.auditRows} audit row(s); daily statistics rebuilt.` +
            (removed.usersDeactivated
              ? ` ${removed.usersDeactivated} demo person(s) still named by real records were deactivated instead.`
              : ""),
        );
      }),
    );
}
