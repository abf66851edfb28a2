import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** Keys are kept for a day: a client retrying later than that is making a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const IN_PROGRESS = 0;

/**
 * `Idempotency-Key` for POSTs that create something (IETF draft "The Idempotency-Key HTTP
 * Header Field"): the first request with a key runs and its answer is stored in
 * ApiIdempotencyKey; a retry with the same key and the same request gets that stored answer
 * (`Idempotency-Replayed: true`); the same key with another request is a 422; a retry while
 * the first is still running is a 409. A request that fails frees its key for a corrected retry.
 */
export async function withIdempotencyKey(
  request: Request,
  options: { tokenId: number; body: string },
  run: () => Promise<{ status: number; body: Prisma.InputJsonValue; headers?: Record<string, string> }>,
): Promise<Response> {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    const result = await run();
    return Response.json(result.body, { status: result.status, headers: result.headers });
  }
  if (key.length > 255)
    throw new AppError("VALIDATION", "Keep the Idempotency-Key under 256 characters (a UUID is ideal).", {
      fieldErrors: { "Idempotency-Key": ["Too long."] },
    });
  const url = new URL(request.url);
  const requestHash = createHash("sha256").update(`${request.method} ${url.pathname}\n${options.body}`).digest("hex");
  const db = getDb();

  // Claim the key; expired keys are cleared first (per token, so the delete stays small).
  await db.$executeRaw`DELETE FROM "ApiIdempotencyKey" WHERE "tokenId" = ${options.tokenId} AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  const claimed = await db.$executeRaw`
    INSERT INTO "ApiIdempotencyKey" ("tokenId", key, "requestHash", status, "responseBody")
    VALUES (${options.tokenId}, ${key}, ${requestHash}, ${IN_PROGRESS}, '{}'::jsonb)
    ON CONFLICT ("tokenId", key) DO NOTHING`;
  if (claimed === 0) {
    const stored = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId: options.tokenId, key } } });
    if (!stored)
      throw new AppError("CONFLICT", "A request with this Idempotency-Key just finished or failed; retry it.");
    if (stored.requestHash !== requestHash) {
      throw new AppError(
        "VALIDATION",
        "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
        {
          fieldErrors: { "Idempotency-Key": ["Already used with another body or path."] },
        },
      );
    }
    if (stored.status === IN_PROGRESS)
      throw new AppError(
        "CONFLICT",
        "The first request with this Idempotency-Key is still being processed. Retry in a moment.",
      );
    return Response.json(stored.responseBody, { status: stored.status, headers: { "idempotency-replayed": "true" } });
  }
  try {
    const result = await run();
    await db.apiIdempotencyKey.update({
      where: { tokenId_key: { tokenId: options.tokenId, key } },
      data: { status: result.status, responseBody: result.body },
    });
    return Response.json(result.body, { status: result.status, headers: result.headers });
  } catch (error) {
    await db.apiIdempotencyKey
      .delete({ where: { tokenId_key: { tokenId: options.tokenId, key } } })
      .catch(() => undefined);
    throw error;
  }
}
