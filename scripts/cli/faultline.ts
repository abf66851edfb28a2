// Minimal `faultline` entry for the attribution branch; the CLI's real entry comes from the
// onboarding branch at merge, which registers the same command group.
import { Command } from "commander";
import { registerAttributionCommands } from "./commands/attribution-push";

const program = new Command("faultline").description("Faultline command line");
registerAttributionCommands(program);
await program.parseAsync(process.argv);
