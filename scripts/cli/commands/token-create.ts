import type { Command } from "commander";
import { parseExpiry, parseScopes } from "@/lib/domain/token-options";
import { createApiTokenSchema } from "@/lib/schemas/api-token";
import { CLI_ACTOR } from "@/lib/server/auth/actor";
import { API_SCOPES } from "@/lib/server/auth/api-token";
import { createApiToken } from "@/lib/server/services/tokens/create-api-token";
import { runCommand, UsageError } from "../run";

/** `faultline token create`: an API token acting for a person; printed once, only its hash is kept. */
export function registerTokenCommands(program: Command): void {
  const token = program.command("token").description("Manage API tokens.");
  token
    .command("create")
    .description("Create an API token that acts for a person, and print it once. Audited as CLI.")
    .requiredOption("--user <email>", "the active person the token acts for (their role's permissions apply)")
    .requiredOption("--name <name>", "what uses the token, e.g. 'PagerDuty import'")
    .requiredOption(
      "--scopes <list>",
      `comma-separated: ${["write", ...API_SCOPES].join(", ")} (write = changes:write + incidents:write)`,
    )
    .option("--expires <when>", "90d, 12h, 4w, a date (2027-03-01) or never", "never")
    .action((options: { user: string; name: string; scopes: string; expires: string }) =>
      runCommand(async () => {
        const { scopes, unknown } = parseScopes(options.scopes, API_SCOPES);
        if (unknown.length)
          throw new UsageError(
            `--scopes: unknown scope ${unknown.join(", ")}. Use ${["write", ...API_SCOPES].join(", ")}.`,
          );
        const expiresAt = parseExpiry(options.expires, new Date());
        if (expiresAt === undefined)
          throw new UsageError(
            `--expires: cannot read "${options.expires}". Use e.g. 90d, 12h, 4w, 2027-03-01 or never.`,
          );
        const input = createApiTokenSchema.safeParse({ name: options.name, scopes });
        if (!input.success)
          throw new UsageError(input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
        const created = await createApiToken({
          actor: CLI_ACTOR,
          input: input.data,
          ownerEmail: options.user,
          expiresAt,
        });
        console.error(
          `Token "${input.data.name}" (${scopes.join(", ")}) for ${options.user}` +
            `${expiresAt ? `, expires ${expiresAt.toISOString()}` : ", never expires"}. Copy it now, it is shown only once:`,
        );
        console.log(created.token);
      }),
    );
}
