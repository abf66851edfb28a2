import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isAppError } from "@/lib/server/errors";

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
};

/** Wraps a route handler: AppErrors become problem details, anything else a logged 500. */
export function withApiErrors<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (isAppError(error)) {
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
      // Every database connection stayed busy past the wait limit: overload, not a bug. Say when to retry.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") {
        return problem(
          503,
          "Busy",
          "Faultline is busy right now and did not start your request. Retry in a second; nothing was saved.",
          {},
          { "retry-after": "1" },
        );
      }
      console.error("[faultline] unexpected error in an API route:", error);
      return problem(
        500,
        "Internal error",
        "Something went wrong on our side. Try again; if it keeps happening, tell your Faultline admin.",
      );
    }
  };
}
