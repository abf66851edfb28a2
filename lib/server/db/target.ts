// Which database the app talks to: a real PostgreSQL server when DATABASE_URL is set,
// else an embedded PostgreSQL (PGlite) persisted in a local folder.
import path from "node:path";

export type DbTarget =
  | { kind: "postgres"; url: string }
  | {
      kind: "embedded";
      dataDir: string;
      /** PGlite's shared_buffers; its WebAssembly memory never shrinks (decision 031). */
      sharedBuffersMb?: number;
    };

/**
 * The embedded database's shared_buffers: 16 MB instead of PostgreSQL's 128 MB keeps ~100 MB
 * less resident, and the data files are still cached by the operating system (decision 031).
 */
export const EMBEDDED_SHARED_BUFFERS_MB = 16;

export function resolveDbTarget(env: Record<string, string | undefined> = process.env): DbTarget {
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
  const buffers = env.FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB?.trim() || String(EMBEDDED_SHARED_BUFFERS_MB);
  if (!/^\d{1,4}$/.test(buffers) || Number(buffers) < 1) {
    throw new Error(
      `FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB must be a whole number of megabytes from 1 to 9999 (got "${buffers}").`,
    );
  }
  return { kind: "embedded", dataDir: path.resolve(dataDir), sharedBuffersMb: Number(buffers) };
}

export function describeDbTarget(target: DbTarget): string {
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
