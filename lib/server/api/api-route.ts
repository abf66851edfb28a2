import "server-only";
import type { ApiScope } from "@/lib/server/auth/api-token";
import { assertTokenScope, authenticateAndCountApiToken, type ApiCaller } from "@/lib/server/auth/require-api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { hostileStringReason } from "@/lib/schemas/hostile-input";
import { isRecordId, MAX_ID } from "@/lib/schemas/ids";
import { AppError } from "@/lib/server/errors";
import { assertNoHostileInput } from "@/lib/server/validation";
import { runWithActorLabel } from "@/lib/server/services/audit/audit-context";
import { withApiErrors } from "./problem";
import { rateLimitHeaders, type RateLimitState } from "./rate-limit";

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
  /** The scope the token needs; a list means any one of them (the handler checks further). */
  scope: ApiScope | readonly ApiScope[],
  handler: (api: ApiRequest<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let limit: RateLimitState | undefined;
    const run = withApiErrors(async () => {
      // One statement: token, creator, last use and the rate-limit count.
      const { caller, rate } = await authenticateAndCountApiToken(request);
      limit = rate;
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
      assertRequestShape(request, params);
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

/** Bodies larger than this are refused with a 413 (a batch of 1,000 changes is well under 2 MB). */
export const MAX_API_BODY_BYTES = 5 * 1024 * 1024;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * What every API request is checked for before its handler runs (the request-level half of the
 * shared input layer; readJsonText checks the body): path parameters and the query string hold
 * no NUL, lone surrogate or prototype key (422); a body is JSON (415) and not too large (413).
 */
export function assertRequestShape(request: Request, params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    const reason = hostileStringReason(String(value));
    if (reason)
      throw new AppError("VALIDATION", `The path parameter ${name} cannot be accepted: ${reason}`, {
        fieldErrors: { [name]: [reason] },
      });
  }
  const query = new URL(request.url).searchParams;
  assertNoHostileInput(Object.fromEntries([...query.keys()].map((key) => [key, query.getAll(key)])), "_query");
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as JSON with \`Content-Type: application/json\` (this request said "${type || "nothing"}"). Nothing was saved.`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > MAX_API_BODY_BYTES) tooLarge();
}

function hasBody(request: Request): boolean {
  return request.body !== null && request.headers.get("content-length") !== "0";
}

function tooLarge(): never {
  throw new AppError(
    "PAYLOAD_TOO_LARGE",
    `The body is larger than ${MAX_API_BODY_BYTES / 1024 / 1024} MB. Split it (for example into batches of at most 1,000 changes).`,
  );
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
  if (Buffer.byteLength(text, "utf8") > MAX_API_BODY_BYTES) tooLarge();
  if (!text.trim())
    throw new AppError("VALIDATION", "Send a JSON body (content-type: application/json).", {
      fieldErrors: { _body: ["The request body is empty."] },
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", {
      fieldErrors: { _body: ["Not valid JSON."] },
    });
  }
  assertNoHostileInput(value);
  return { text, value };
}

/** Query parameters as a plain object (the last value wins). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

/** A numeric id from the path (1 … 2^31 − 1, as everywhere); anything else is a 422 naming the rule. */
export function pathId(value: string | undefined, notFound: string, name = "id"): number {
  const id = value && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!isRecordId(id)) {
    const rule = `Ids are whole numbers from 1 to ${MAX_ID}.`;
    throw new AppError("VALIDATION", `${rule} ${notFound}`, { fieldErrors: { [name]: [rule] } });
  }
  return id;
}
