import { deployGateDecision } from "@/lib/domain/deploy-gate";
import { deployGateQuerySchema } from "@/lib/schemas/api-token";
import { withApiErrors } from "@/lib/server/api/problem";
import { requireApiToken } from "@/lib/server/auth/require-api-token";
import { findChangeForGate } from "@/lib/server/queries/changes/find-change-for-gate";
import { parseOrThrow } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

/**
 * CI asks before shipping a change: 200 {decision:"allow"|"deny", reason, message}, or 404
 * with the same shape for an unknown change. See docs/deploy-gate.md.
 */
async function answer(request: Request, raw: Record<string, unknown>): Promise<Response> {
  await requireApiToken(request, "read");
  const query = parseOrThrow(deployGateQuerySchema, raw);
  const change = await findChangeForGate(query);
  const decision = deployGateDecision(change);
  const origin = new URL(request.url).origin;
  return Response.json(
    {
      decision: decision.allow ? "allow" : "deny",
      reason: decision.reason,
      message: decision.message,
      change: change ? { id: change.id, url: `${origin}/changes/${change.id}`, approvalState: change.approvalState } : null,
    },
    { status: change ? 200 : 404, headers: { "cache-control": "no-store" } },
  );
}

export const GET = withApiErrors(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  return answer(request, { externalId: params.get("externalId") ?? undefined, source: params.get("source") ?? undefined });
});

export const POST = withApiErrors(async (request: Request) => {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return answer(request, {});
  return answer(request, body as Record<string, unknown>);
});
