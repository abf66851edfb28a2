import type { NextConfig } from "next";

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
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
