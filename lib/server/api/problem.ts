import "server-only";
import { toAppError } from "@/lib/server/errors";
import { getLogger } from "@/lib/server/observability/logger";
import { currentRequestId, withRequestContext } from "@/lib/server/observability/request-context";

/** RFC 9457 problem details, with the request's id (quote it when reporting a problem). */
export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    {
      type: `https://faultline.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      title,
      status,
      detail,
      ...extra,
      ...requestIdField(),
    },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
}

function requestIdField(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

const TITLES: Record<number, string> = {
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  503: "Service unavailable",
};

/**
 * Wraps a route handler: AppErrors (including an unreachable database: 503 + Retry-After)
 * become problem details, anything else a logged 500.
 */
export function withApiErrors<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  const answer = async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (caught) {
      const error = toAppError(caught);
      if (error) {
        const headers: Record<string, string> = error.retryAfterSeconds
          ? { "retry-after": String(error.retryAfterSeconds) }
          : {};
        if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="faultline"';
        return problem(
          error.status,
          TITLES[error.status] ?? "Error",
          error.message,
          error.fieldErrors ? { errors: error.fieldErrors } : {},
          headers,
        );
      }
      getLogger().error({ err: caught, path: new URL(request.url).pathname }, "unexpected error in an API route");
      return problem(
        500,
        "Internal error",
        "Something went wrong on our side. Try again; if it keeps happening, tell your Faultline admin and quote the requestId.",
      );
    }
  };
  // The request's id: in the response header, in problem details and in every log line (decision 030).
  return (request: Request, ...rest: A): Promise<Response> =>
    withRequestContext(request, () => answer(request, ...rest));
}
