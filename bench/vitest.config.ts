// Runs scripts under bench/ that need the app's server modules (which import
// "server-only") outside Next.js, with the same aliases as the test suite.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": path.join(root, "lib/server/testing/server-only-stub.ts") } },
  test: {
    root,
    environment: "node",
    include: ["bench/**/*.run.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
