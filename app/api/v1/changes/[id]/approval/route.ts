import { apiApprovalDecisionSchema } from "@/lib/schemas/api/approval";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { AppError } from "@/lib/server/errors";
import { getApiChange } from "@/lib/server/queries/changes/api-changes";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";

export const dynamic = "force-dynamic";

const NOT_FOUND = "No change with this id. List changes with GET /api/v1/changes.";

/** Approves or rejects a change as the token's user: the same service as the web page's buttons. */
export const POST = apiRoute<{ id: string }>("approve", async ({ request, params, actor, origin }) => {
  const changeId = pathId(params.id, NOT_FOUND);
  const input = parseApiInput(apiApprovalDecisionSchema, await readJsonBody(request));
  await decideChangeApproval({
    actor,
    input: {
      changeId,
      decision: input.decision === "approve" ? "APPROVED" : "REJECTED",
      comment: input.comment,
      version: input.version,
    },
  });
  const change = await getApiChange(changeId, origin);
  if (!change) throw new AppError("NOT_FOUND", NOT_FOUND);
  return json(change);
});
