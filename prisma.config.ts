import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded here; see scripts/schema-engine-offline.mjs.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "schema-engine-offline.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
