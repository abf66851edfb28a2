#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, which cannot be downloaded here.
// `prisma generate` only needs the binary to exist and report its version. Every other
// CLI command that needs the engine (migrate, db push …) fails loudly instead of
// silently doing nothing: use `npm run db:migrate` / `npm run db:new-migration`
// (docs/decisions/002-migrations-offline.md).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
if (process.argv.includes("--version")) {
  const { enginesVersion } = require("@prisma/engines-version");
  process.stdout.write(`schema-engine-cli ${enginesVersion}\n`);
  process.exit(0);
}
process.stderr.write(
  "This Prisma command needs the native schema engine, which is not available offline.\n" +
    "Use `npm run db:migrate` to apply migrations and `npm run db:new-migration -- <name>` to write one.\n",
);
process.exit(1);
