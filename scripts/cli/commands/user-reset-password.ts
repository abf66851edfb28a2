import type { Command } from "commander";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { resetPassword } from "@/lib/server/services/users/reset-password";
import { readPassword, runCommand } from "../run";

/** `faultline user reset-password`: a new password for someone locked out; their sessions end. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Manage people's sign-in.");
  user
    .command("reset-password")
    .description("Set a new password for a person and sign them out everywhere. Audited as CLI.")
    .requiredOption("--email <email>", "the person's sign-in email")
    .option("--password <password>", "the new password (asked for, not echoed, when left out)")
    .action((options: { email: string; password?: string }) =>
      runCommand(async () => {
        const password = options.password ?? (await readPassword(`New password for ${options.email}: `));
        await resetPassword({ actor: CLI_ACTOR, email: options.email, password });
        console.log(`Password of ${options.email.trim().toLowerCase()} reset; their sessions were ended.`);
      }),
    );
}
