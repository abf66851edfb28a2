import "server-only";
import { getDb } from "@/lib/server/db";

/** Requests per token per window; FAULTLINE_API_RATE_LIMIT overrides the default (decision 008). */
export const API_RATE_WINDOW_SECONDS = 60;
export const DEFAULT_API_RATE_LIMIT = 600;

export function apiRateLimit(): number {
  const configured = Number(process.env.FAULTLINE_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_RATE_LIMIT;
}

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

/**
 * Counts one request for the token in a fixed window shared by every app instance: one
 * UPSERT on the RateLimit row "api:<tokenId>", which restarts the count when the window
 * the row holds has passed. Windows are aligned to the clock (every full minute).
 */
export async function consumeApiRateLimit(tokenId: number, limit = apiRateLimit()): Promise<RateLimitState> {
  const window = API_RATE_WINDOW_SECONDS;
  const rows = await getDb().$queryRaw<Array<{ count: number; reset: number }>>`
    WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / ${window}) * ${window}) AS start)
    INSERT INTO "RateLimit" (key, count, "windowStart")
    SELECT ${`api:${tokenId}`}, 1, w.start FROM w
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" = excluded."windowStart" THEN "RateLimit".count + 1 ELSE 1 END,
      "windowStart" = excluded."windowStart"
    RETURNING count, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => ${window}) - now())))::int AS reset`;
  const { count, reset } = rows[0];
  return { limit, remaining: Math.max(0, limit - count), resetSeconds: Math.max(1, reset), allowed: count <= limit };
}

/** The headers every API answer carries (IETF draft "RateLimit header fields for HTTP"). */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    "ratelimit-policy": `${state.limit};w=${API_RATE_WINDOW_SECONDS}`,
  };
}
