// What every command shares: one database connection, errors a person can act on, exit codes.
import { createInterface } from "node:readline";
import { getConnection } from "@/lib/server/db";
import { describeDbTarget } from "@/lib/server/db/target";
import { isAppError } from "@/lib/server/errors";

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** A mistake in what the person typed: printed as is, exit code 2. */
export class UsageError extends Error {}

/** Runs a command's work, prints its error plainly (no stack), closes the database, sets the exit code. */
export async function runCommand(work: () => Promise<void>): Promise<void> {
  let code: number = EXIT.OK;
  try {
    await work();
  } catch (error) {
    code = reportError(error);
  } finally {
    const holder = globalThis as typeof globalThis & { __faultlineDb?: { close(): Promise<void> } };
    await holder.__faultlineDb?.close().catch(() => undefined);
  }
  process.exitCode = code;
}

function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`);
    return EXIT.USAGE;
  }
  if (isAppError(error)) {
    const fields = Object.entries(error.fieldErrors ?? {})
      .map(([field, messages]) => `  --${field}: ${messages.join(" ")}`)
      .join("\n");
    console.error(`error: ${error.message}${fields ? `\n${fields}` : ""}`);
    return error.code === "VALIDATION" ? EXIT.USAGE : EXIT.FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = /ECONNREFUSED|ENOTFOUND|does not exist|password authentication/i.test(message);
  console.error(
    unreachable ? `error: cannot reach the database (${message}). Check DATABASE_URL.` : `error: ${message}`,
  );
  return EXIT.FAILED;
}

export function databaseName(): string {
  return describeDbTarget(getConnection().target);
}

/** A password from the terminal (not echoed), or the first line of standard input when piped. */
export async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new UsageError("No password given: pass --password, or type it when asked (in a terminal).");
  }
  const output = process.stderr;
  output.write(prompt);
  const rl = createInterface({ input, output, terminal: true });
  // Hide the typed characters: readline writes through _writeToOutput.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  output.write("\n");
  return answer;
}
