// The Faultline command line: `npx faultline <command>` from the project folder.
// Each area registers its commands through one register function, so adding an area is one line.
import { Command } from "commander";
import { registerAdminCommands } from "./commands/admin-create";
import { registerAttributionCommands } from "./commands/attribution-push";
import { registerDemoCommands } from "./commands/demo";
import { registerMigrateCommand } from "./commands/migrate";
import { registerTokenCommands } from "./commands/token-create";
import { registerUserCommands } from "./commands/user-reset-password";
import { EXIT } from "./run";

const program = new Command("faultline")
  .description(
    "Operate a Faultline installation: first admin, passwords, API tokens, migrations, demo data, AI attribution from CI.",
  )
  .addHelpText(
    "after",
    "\nUses the database the app uses: DATABASE_URL, else the embedded one in .data/.\nExit codes: 0 done, 1 failed, 2 wrong usage or input.",
  )
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) })
  .exitOverride();

registerAdminCommands(program);
registerUserCommands(program);
registerTokenCommands(program);
registerMigrateCommand(program);
registerDemoCommands(program);
registerAttributionCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander's own exits: help and version are fine, usage mistakes are 2.
  const code = (error as { code?: string; exitCode?: number }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version") process.exit(EXIT.OK);
  process.exit(code?.startsWith("commander.") ? EXIT.USAGE : EXIT.FAILED);
}
