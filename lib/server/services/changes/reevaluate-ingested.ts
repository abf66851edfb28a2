import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  reevaluateChangeApproval,
  type ChangeBeforeUpdate,
  type PolicyInForce,
} from "@/lib/server/services/approvals/reevaluate-change-approval";
import { queueCommitStatus } from "@/lib/server/services/integrations/queue-commit-status";
import { keyOf } from "./ingest-input";
import type { IngestedChange } from "./ingest-upsert";

/**
 * Step 3 of an ingestion. Re-decides the approval of every updated change whose material facts
 * moved (the same rule as every other write path; `before` was read and locked by the preparing
 * statement, the facts after come from the write's answer), and queues the commit status of new
 * GitHub pull requests. Rows are patched in place so that the violation check and the answer
 * that follow see the new state.
 */
export async function reevaluateUpdated(
  tx: Prisma.TransactionClient,
  rows: IngestedChange[],
  before: Map<string, ChangeBeforeUpdate>,
  policy: PolicyInForce,
  actor: { userId: number | null; label?: string },
): Promise<void> {
  const pullRequests = rows.filter((row) => row.inserted && row.source === "github" && row.headSha !== null);
  for (const { id } of pullRequests.sort((a, b) => a.id - b.id)) await queueCommitStatus(tx, id);
  const updated = rows.filter((row) => row.written && !row.inserted && before.has(keyOf(row)));
  const moved: IngestedChange[] = [];
  for (const row of updated) {
    const result = await reevaluateChangeApproval(tx, { before: before.get(keyOf(row))!, after: row, policy, actor });
    if (!result) continue;
    row.approvalRequired = result.approvalRequired;
    row.approvalState = result.approvalState;
    if (result.dismissed) {
      row.approvalDecidedAt = null;
      row.approverId = null;
    }
    moved.push(row);
  }
  if (moved.length === 0) return;
  // Their compliance, by the definition in prisma/definitions.sql.
  const compliance = await tx.$queryRawUnsafe<Array<{ compliance: IngestedChange["compliance"] }>>(
    `SELECT "faultline_approval_compliance"(r, s::"ApprovalState", d, p) AS compliance
       FROM unnest($1::boolean[], $2::text[], $3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS t(r, s, d, p, n) ORDER BY n`,
    moved.map((row) => row.approvalRequired),
    moved.map((row) => row.approvalState),
    moved.map((row) => row.approvalDecidedAt?.toISOString() ?? null),
    moved.map((row) => row.shippedAt?.toISOString() ?? null),
  );
  moved.forEach((row, index) => (row.compliance = compliance[index].compliance));
}
