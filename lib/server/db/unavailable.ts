// Is this error "the database cannot be reached right now" (down, restarting, failing over,
// every pooled connection busy), rather than a bug or a refused write? Told by codes only,
// never by message text, and without importing Prisma or pg, so errors.ts stays client-safe.

/** Prisma: can't reach (P1001), timed out (P1002, P1008), closed (P1017), pool timeout (P2024), transaction could not start in time (P2028). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Driver adapters' own kinds for the same failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors (pg.Client outside Prisma). */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot
 * connect now), 53300 (too many connections).
 */
function isUnavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300");
}

type Inspectable = {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: Inspectable } };
  cause?: unknown;
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Inspectable;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (isUnavailableSqlState(e.code) || (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind))) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause && (isUnavailableSqlState(adapterCause.code) || ADAPTER_KINDS.has(String(adapterCause.kind))))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** SQLSTATE 55P03: a statement waited longer than lock_timeout. */
export function isLockTimeout(error: unknown): boolean {
  const e = error as Inspectable | undefined;
  const cause = e?.meta?.driverAdapterError?.cause as (Inspectable & { originalCode?: unknown }) | undefined;
  return e?.code === "55P03" || cause?.code === "55P03" || cause?.originalCode === "55P03";
}
