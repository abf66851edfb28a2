import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** The header a request id arrives in (from a proxy or a client) and is echoed in. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * A client's id is kept when it is 1–128 characters of letters, digits and `.-_:` (UUIDs, ULIDs,
 * trace ids, hex): anything else (empty, too long, spaces, NUL, non-ASCII, header injection) is
 * replaced by a fresh UUID, so a log line never carries what a client chose to smuggle into it.
 */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function acceptRequestId(value: string | string[] | null | undefined): string | undefined {
  const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  return single && WELL_FORMED.test(single) ? single : undefined;
}

export const newRequestId = (): string => randomUUID();

type RequestContext = { requestId: string };

// On globalThis: the server patch (instrumentation) and route bundles may load this module twice.
const holder = globalThis as typeof globalThis & { __faultlineRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__faultlineRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request being served, when there is one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * For route wrappers: runs `work` inside the request's context (the one the server opened, or,
 * when a handler is called directly as in tests, one from the request's header or a new id) and
 * echoes the id in the response's `x-request-id`.
 */
export async function withRequestContext(request: Request, work: () => Promise<Response>): Promise<Response> {
  const current = currentRequestId();
  const requestId = current ?? acceptRequestId(request.headers.get(REQUEST_ID_HEADER)) ?? newRequestId();
  const response = current ? await work() : await runWithRequestId(requestId, work);
  if (response.headers.get(REQUEST_ID_HEADER) === requestId) return response;
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Immutable headers (e.g. Response.redirect): copy.
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
