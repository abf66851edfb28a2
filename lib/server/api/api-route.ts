import "server-only";
import type { ApiScope } from "@/lib/server/auth/api-token";
import { assertTokenScope, authenticateApiToken, type ApiCaller } from "@/lib/server/auth/require-api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { AppError } from "@/lib/server/errors";
import { runWithActorLabel } from "@/lib/server/services/audit/audit-context";
import { withApiErrors } from "./problem";
import { consumeApiRateLimit, rateLimitHeaders, type RateLimitState } from "./rate-limit";

export type ApiRequest<P> = {
  request: Request;
  params: P;
  caller: ApiCaller;
  /** The token's creator: services check their permissions as for that person. */
  actor: SessionUser;
  /** Base of links to Faultline pages in responses. */
  origin: string;
};

/**
 * Every /api/v1 handler goes through here, in this order: token (401) → rate limit (429) →
 * scope (403) → handler, whose audit rows say "API token <name>". Errors become problem
 * details; every answer carries the RateLimit headers and `cache-control: no-store`.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  scope: ApiScope,
  handler: (api: ApiRequest<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let limit: RateLimitState | undefined;
    const run = withApiErrors(async () => {
      const caller = await authenticateApiToken(request);
      limit = await consumeApiRateLimit(caller.tokenId);
      if (!limit.allowed) {
        throw new AppError(
          "RATE_LIMITED",
          `This token made more than ${limit.limit} requests in a minute. Wait ${limit.resetSeconds} s (see Retry-After) and try again.`,
          {
            retryAfterSeconds: limit.resetSeconds,
          },
        );
      }
      assertTokenScope(caller, scope);
      const params = ((await context?.params) ?? {}) as P;
      return runWithActorLabel(`API token ${caller.name}`, () =>
        handler({ request, params, caller, actor: caller.creator, origin: publicOrigin(request) }),
      );
    });
    const response = await run(request);
    const headers = new Headers(response.headers);
    if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) headers.set(name, value);
    if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Where people open Faultline: NEXTAUTH_URL when set (behind a proxy), else the request's origin. */
export function publicOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's origin
    }
  }
  return new URL(request.url).origin;
}

/** The JSON body, or a 422 that says what is wrong with it. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return (await readJsonText(request)).value;
}

/** The body's text (for hashing) and its JSON value. */
export async function readJsonText(request: Request): Promise<{ text: string; value: unknown }> {
  // A client that hangs up mid-body is not our error: answer it (nobody will read it) without logging a 500.
  const text = await request.text().catch(() => {
    throw new AppError("VALIDATION", "The request body could not be read: the connection closed before it arrived.", {
      fieldErrors: { _body: ["Incomplete body."] },
    });
  });
  if (!text.trim())
    throw new AppError("VALIDATION", "Send a JSON body (content-type: application/json).", {
      fieldErrors: { _body: ["The request body is empty."] },
    });
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", {
      fieldErrors: { _body: ["Not valid JSON."] },
    });
  }
}

/** Query parameters as a plain object (the last value wins). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

/** A numeric id from the path; anything else names nothing, so it is a 404. */
export function pathId(value: string | undefined, notFound: string): number {
  if (!value || !/^\d{1,9}$/.test(value)) throw new AppError("NOT_FOUND", notFound);
  return Number(value);
}
