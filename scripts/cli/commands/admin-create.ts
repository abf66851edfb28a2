import type { Command } from "commander";
import { createUserSchema } from "@/lib/schemas/admin-user";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { createUser } from "@/lib/server/services/users/create-user";
import { readPassword, runCommand, UsageError } from "../run";

/** `faultline admin create`: an admin who can sign in, e.g. the organisation's first. */
export function registerAdminCommands(program: Command): void {
  const admin = program.command("admin").description("Manage admins.");
  admin
    .command("create")
    .description("Create an admin (the first one of a new organisation, or another). Audited as CLI.")
    .requiredOption("--email <email>", "their sign-in email")
    .requiredOption("--name <name>", "their name as shown in Faultline")
    .option("--password <password>", "their password (asked for, not echoed, when left out)")
    .option("--level <level>", "engineering level: junior, mid or senior", "senior")
    .action((options: { email: string; name: string; password?: string; level: string }) =>
      runCommand(async () => {
        const password = options.password ?? (await readPassword(`Password for ${options.email}: `));
        const parsed = createUserSchema.safeParse({
          email: options.email,
          name: options.name,
          password,
          role: "ADMIN",
          level: options.level.toUpperCase(),
          teamId: null,
        });
        if (!parsed.success)
          throw new UsageError(
            parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"),
          );
        const { id } = await createUser({ actor: CLI_ACTOR, input: parsed.data });
        console.log(`Admin ${parsed.data.email} created (user ${id}). They can sign in now.`);
      }),
    );
}
