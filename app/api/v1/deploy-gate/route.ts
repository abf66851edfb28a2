import { deployGateDecision } from "@/lib/domain/deploy-gate";
import { deployGateQuerySchema } from "@/lib/schemas/api-token";
import { apiRoute, readJsonBody, type ApiRequest } from "@/lib/server/api/api-route";
import { findChangeForGate } from "@/lib/server/queries/changes/find-change-for-gate";
import { parseOrThrow } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

/**
 * CI asks before shipping a change: 200 {decision:"allow"|"deny", reason, message}, or 404
 * with the same shape for an unknown change. See docs/deploy-gate.md.
 */
async function answer({ origin }: ApiRequest<Record<string, never>>, raw: Record<string, unknown>): Promise<Response> {
  const query = parseOrThrow(deployGateQuerySchema, raw);
  const change = await findChangeForGate(query);
  const decision = deployGateDecision(change);
  return Response.json(
    {
      decision: decision.allow ? "allow" : "deny",
      reason: decision.reason,
      message: decision.message,
      change: change
        ? { id: change.id, url: `${origin}/changes/${change.id}`, approvalState: change.approvalState }
        : null,
    },
    { status: change ? 200 : 404, headers: { "cache-control": "no-store" } },
  );
}

export const GET = apiRoute("read", async (api) => {
  const params = new URL(api.request.url).searchParams;
  const pick = (name: string) => params.get(name) ?? undefined;
  return answer(api, {
    externalId: pick("externalId"),
    source: pick("source"),
    repository: pick("repository"),
    pr: pick("pr"),
    sha: pick("sha"),
  });
});

export const POST = apiRoute("read", async (api) => {
  const body: unknown = await readJsonBody(api.request);
  if (!body || typeof body !== "object") return answer(api, {});
  return answer(api, body as Record<string, unknown>);
});
