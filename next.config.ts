import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT } from "./lib/server/http/action-body-limit";

const nextConfig: NextConfig = {
  // Database drivers and the embedded PostgreSQL load WASM and native files at run time:
  // keep them out of the bundle and require them from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "proper-lockfile",
    "bcryptjs",
    "@react-pdf/renderer",
    // One registry per process, shared by instrumentation and every route bundle.
    "prom-client",
    "pino",
  ],
  poweredByHeader: false,
  // Stated, so that the proxy's 413 (lib/server/http/action-body-limit.ts) matches Next's own limit.
  // authInterrupts: forbidden() answers HTTP 403 with app/(app)/forbidden.tsx (decision 028).
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT }, authInterrupts: true },
  typedRoutes: false,
};

export default nextConfig;
