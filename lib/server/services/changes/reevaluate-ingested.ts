import "server-only";
import type { MaterialFacts } from "@/lib/domain/approval-reevaluation";
import type { ApprovalState } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  policyInForce,
  reevaluateChangeApproval,
  type ChangeBeforeUpdate,
} from "@/lib/server/services/approvals/reevaluate-change-approval";
import { queueCommitStatus } from "@/lib/server/services/integrations/queue-commit-status";

type Key = { source: string; externalId: string };
const keyOf = (key: Key) => `${key.source}\u0000${key.externalId}`;

const FACTS = {
  id: true,
  source: true,
  externalId: true,
  title: true,
  approvalState: true,
  approverId: true,
  shippedAt: true,
  aiAssisted: true,
  aiToolId: true,
  aiInvolvement: true,
  authorId: true,
  authorLevel: true,
  serviceId: true,
  headSha: true,
} as const;

/**
 * The stored changes an ingest is about to update, read and row-locked (in key order, as the
 * upsert locks them) so that nobody approves or edits them between this read and the upsert.
 */
export async function lockExisting(
  tx: Prisma.TransactionClient,
  keys: Key[],
): Promise<Map<string, ChangeBeforeUpdate>> {
  const rows = await tx.$queryRawUnsafe<Array<ChangeBeforeUpdate & Key>>(
    `SELECT c.id, c.source, c."externalId", c.title, c."approvalState"::text AS "approvalState", c."approverId", c."shippedAt",
            c."aiAssisted", c."aiToolId", c."aiInvolvement"::text AS "aiInvolvement", c."authorId",
            c."authorLevel"::text AS "authorLevel", c."serviceId", c."headSha"
       FROM "Change" c JOIN unnest($1::text[], $2::text[]) AS k(source, external_id)
         ON c.source = k.source AND c."externalId" = k.external_id
      ORDER BY c.source, c."externalId" FOR UPDATE OF c`,
    keys.map((key) => key.source),
    keys.map((key) => key.externalId),
  );
  return new Map(rows.map((row) => [keyOf(row), row]));
}

type WrittenRow = Key & {
  id: number;
  written: boolean;
  inserted: boolean;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
};

/**
 * Re-decides the approval of every updated change whose material facts moved (the same rule
 * as every other write path), and queues the commit status of new pull requests. Rows are
 * patched in place so the statistics and violation checks that follow see the new state.
 */
export async function reevaluateUpdated(
  tx: Prisma.TransactionClient,
  rows: WrittenRow[],
  before: Map<string, ChangeBeforeUpdate>,
  actor: { userId: number | null; label: string },
): Promise<void> {
  const updated = rows.filter((row) => row.written && !row.inserted && before.has(keyOf(row)));
  // Only GitHub pull requests (a head commit) get a commit status: find them in one query, so a
  // CI batch of 500 deploys costs one statement here, not 500.
  const inserted = rows.filter((r) => r.inserted).map((r) => r.id);
  const pullRequests = inserted.length
    ? await tx.change.findMany({
        where: { id: { in: inserted }, source: "github", headSha: { not: null } },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    : [];
  for (const { id } of pullRequests) await queueCommitStatus(tx, id);
  if (updated.length === 0) return;
  const policy = await policyInForce(tx);
  const after = await tx.change.findMany({ where: { id: { in: updated.map((row) => row.id) } }, select: FACTS });
  const afterById = new Map(after.map((change) => [change.id, change as MaterialFacts]));
  for (const row of updated) {
    const result = await reevaluateChangeApproval(tx, {
      before: before.get(keyOf(row))!,
      after: afterById.get(row.id)!,
      policy,
      actor,
    });
    if (!result) continue;
    row.approvalRequired = result.approvalRequired;
    row.approvalState = result.approvalState;
    if (result.dismissed) row.approvalDecidedAt = null;
  }
}
