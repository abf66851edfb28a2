import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { isLockTimeout } from "@/lib/server/db/unavailable";
import { AppError } from "@/lib/server/errors";

/** Keys are kept for a day: a client retrying later than that is making a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a retry waits for the first request with its key before it is told to retry later. */
const WAIT_FOR_FIRST_MS = 3_000;

export type IdempotentResult = { status: number; body: Prisma.InputJsonValue; headers?: Record<string, string> };

/**
 * `Idempotency-Key` for POSTs that create something (IETF draft "The Idempotency-Key HTTP
 * Header Field"). The whole request is ONE transaction: the key row, the work and the stored
 * answer commit together or not at all. So a request that fails, or whose process dies, or
 * whose database goes away, leaves no key behind and the client can simply retry; a request
 * that committed is replayed (`Idempotency-Replayed: true`) even if its answer never reached
 * the client. A retry while the first is still running waits for it (the key's unique index
 * holds it) up to 3 s, then gets a 409; the same key with another request is a 422.
 */
export async function withIdempotencyKey(
  request: Request,
  options: { tokenId: number; body: string },
  run: (tx: Prisma.TransactionClient) => Promise<IdempotentResult>,
): Promise<Response> {
  const db = getDb();
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    const result = await db.$transaction(run, TRANSACTION_OPTIONS);
    return Response.json(result.body, { status: result.status, headers: result.headers });
  }
  if (key.length > 255)
    throw new AppError("VALIDATION", "Keep the Idempotency-Key under 256 characters (a UUID is ideal).", {
      fieldErrors: { "Idempotency-Key": ["Too long."] },
    });
  const url = new URL(request.url);
  const requestHash = createHash("sha256").update(`${request.method} ${url.pathname}\n${options.body}`).digest("hex");
  const { tokenId } = options;

  // Expired keys are cleared first (per token, so the delete stays small); the worker prunes the rest.
  await db.$executeRaw`DELETE FROM "ApiIdempotencyKey" WHERE "tokenId" = ${tokenId} AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  const outcome = await db.$transaction(async (tx) => {
    const claimed = await claimKey(tx, tokenId, key, requestHash);
    if (!claimed) {
      const stored = await tx.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
      if (!stored) throw new AppError("CONFLICT", "A request with this Idempotency-Key just expired; retry it.");
      if (stored.requestHash !== requestHash) {
        throw new AppError(
          "VALIDATION",
          "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
          { fieldErrors: { "Idempotency-Key": ["Already used with another body or path."] } },
        );
      }
      return { replayed: true, status: stored.status, body: stored.responseBody as Prisma.InputJsonValue };
    }
    const result = await run(tx);
    await tx.apiIdempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { status: result.status, responseBody: result.body },
    });
    return { replayed: false, ...result };
  }, TRANSACTION_OPTIONS);
  const headers = outcome.replayed ? { "idempotency-replayed": "true" } : (outcome.headers ?? {});
  return Response.json(outcome.body, { status: outcome.status, headers });
}

const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 20_000 };

/**
 * Inserts the key row inside the request's transaction. Another transaction holding the same
 * key makes the insert wait; it answers "claimed" if that one rolled back, "not claimed"
 * if it committed, and a 409 if it is still running after WAIT_FOR_FIRST_MS.
 */
async function claimKey(tx: Prisma.TransactionClient, tokenId: number, key: string, hash: string): Promise<boolean> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${WAIT_FOR_FIRST_MS}`);
  try {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ApiIdempotencyKey" ("tokenId", key, "requestHash", status, "responseBody")
      VALUES (${tokenId}, ${key}, ${hash}, 0, '{}'::jsonb)
      ON CONFLICT ("tokenId", key) DO NOTHING`;
    await tx.$executeRawUnsafe("SET LOCAL lock_timeout = DEFAULT");
    return inserted === 1;
  } catch (error) {
    if (!isLockTimeout(error)) throw error;
    throw new AppError(
      "CONFLICT",
      "The first request with this Idempotency-Key is still being processed. Retry in a moment.",
      { retryAfterSeconds: 1 },
    );
  }
}
