import { apiApprovalDecisionSchema } from "@/lib/schemas/api/approval";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { assertTokenScope } from "@/lib/server/auth/require-api-token";
import { AppError } from "@/lib/server/errors";
import { getApiChange } from "@/lib/server/queries/changes/api-changes";
import { decideChangeApproval } from "@/lib/server/services/approvals/decide-change-approval";

export const dynamic = "force-dynamic";

const NOT_FOUND = "No change with this id. List changes with GET /api/v1/changes.";

/**
 * Approves or rejects a change as the token's user (`approve` scope): the same service as the
 * web page's buttons. With `decidedBy` + `decidedAt` (`import` scope) it records a decision
 * taken in another tool instead, under the same policy rules.
 */
export const POST = apiRoute<{ id: string }>(
  ["approve", "import"],
  async ({ request, params, actor, caller, origin }) => {
    const changeId = pathId(params.id, NOT_FOUND);
    const input = parseApiInput(apiApprovalDecisionSchema, await readJsonBody(request));
    const imported =
      input.decidedBy !== undefined && input.decidedAt !== undefined
        ? { decidedBy: input.decidedBy, decidedAt: new Date(input.decidedAt) }
        : undefined;
    assertTokenScope(caller, imported ? "import" : "approve");
    await decideChangeApproval({
      actor,
      input: {
        changeId,
        decision: input.decision === "approve" ? "APPROVED" : "REJECTED",
        comment: input.comment,
        version: input.version,
      },
      imported,
    });
    const change = await getApiChange(changeId, origin);
    if (!change) throw new AppError("NOT_FOUND", NOT_FOUND);
    return json(change);
  },
);
