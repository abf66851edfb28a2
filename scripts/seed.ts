// Fills an empty database with the demo organisation (DATABASE_URL, else the embedded one).
//   npx tsx scripts/seed.ts [--changes N] [--incidents N] [--seed N] [--weeks N]
// Defaults: 3,000 changes, 160 incidents, seed 42, 16 weeks ending now. Applies pending
// migrations first; refuses to touch a database that already has users.
import { parseArgs } from "node:util";
import { openConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { describeDbTarget, resolveDbTarget } from "@/lib/server/db/target";
import { generateDemoData } from "@/lib/server/demo/generate-demo-data";

const usage = "Usage: npx tsx scripts/seed.ts [--changes N] [--incidents N] [--seed N] [--weeks N]";

function readOptions() {
  const { values } = parseArgs({
    options: {
      changes: { type: "string" },
      incidents: { type: "string" },
      seed: { type: "string" },
      weeks: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (name: "changes" | "incidents" | "seed" | "weeks") => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const value = Number(raw.replace(/[_,]/g, ""));
    if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number (got "${raw}").\n${usage}`);
    return value;
  };
  return { changes: number("changes"), incidents: number("incidents"), seed: number("seed"), weeks: number("weeks") };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const target = resolveDbTarget();
const connection = openConnection(target);
let exitCode = 0;
try {
  const report = await connection.withSession((session) => applyMigrations(session));
  console.log(
    `${describeDbTarget(target)}: ${report.applied.length} migration(s) applied, ${report.alreadyApplied} already in place.`,
  );

  const users = await connection.prisma.user.count();
  if (users > 0) {
    console.error(
      `This database already has ${users} user(s), so no demo data was added (it only goes into an empty database).\n` +
        `Use a fresh database: set DATABASE_URL to a new one, or FAULTLINE_DATA_DIR to an empty folder.`,
    );
    exitCode = 1;
  } else {
    const started = Date.now();
    const { accounts, counts } = await generateDemoData(connection.prisma, {
      ...options,
      log: (line) => console.log(line),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nCreated in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts))
      console.log(`  ${table.padEnd(28)} ${count.toLocaleString("en-US").padStart(12)}`);
    console.log("\nDemo sign-ins:");
    console.log(`  ${"email".padEnd(24)} ${"password".padEnd(16)} ${"role".padEnd(9)} level`);
    for (const account of accounts) {
      console.log(
        `  ${account.email.padEnd(24)} ${account.password.padEnd(16)} ${account.role.toLowerCase().padEnd(9)} ${account.level.toLowerCase()}`,
      );
    }
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await connection.close();
}
process.exit(exitCode);
