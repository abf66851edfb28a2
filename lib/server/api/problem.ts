import "server-only";
import { toAppError } from "@/lib/server/errors";

/** RFC 9457 problem details. */
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
    },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
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
  return async (request: Request, ...rest: A): Promise<Response> => {
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
      console.error("[faultline] unexpected error in an API route:", caught);
      return problem(
        500,
        "Internal error",
        "Something went wrong on our side. Try again; if it keeps happening, tell your Faultline admin.",
      );
    }
  };
}
