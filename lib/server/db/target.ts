// Which database the app talks to: a real PostgreSQL server when DATABASE_URL is set,
// else an embedded PostgreSQL (PGlite) persisted in a local folder.
import path from "node:path";

export type DbTarget = { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string };

export function resolveDbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must start with postgresql:// (got "${url.split(":")[0]}:…"). Unset it to use the embedded database.`,
      );
    }
    return { kind: "postgres", url };
  }
  const dataDir =
    env.FAULTLINE_DATA_DIR?.trim() || path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite");
  return { kind: "embedded", dataDir: path.resolve(dataDir) };
}

export function describeDbTarget(target: DbTarget): string {
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
