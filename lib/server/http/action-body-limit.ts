// Server actions (form posts) carry small forms. Next.js refuses a body over its
// serverActions.bodySizeLimit (1 MB by default) with an internal ApiError(413) that its action
// handler turns into a 500 (next/dist/server/app-render/action-handler.js: "TODO: … respond
// with a 413"). The proxy answers such a post first, with a 413 that says what to do.

/** The limit next.config.ts gives Next.js; the proxy refuses larger declared bodies. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const ACTION_BODY_LIMIT = "1mb";

export const ACTION_TOO_LARGE_MESSAGE =
  "This form is larger than 1 MB, so nothing was saved. Shorten the longest text (paste logs as a link) and submit again.";

/** A 413 for a server-action post whose declared body exceeds the limit; null for anything else. */
export function refuseOversizedAction(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > ACTION_BODY_LIMIT_BYTES)) return null;
  return new Response(ACTION_TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
