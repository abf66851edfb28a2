import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeBeforeUpdate } from "@/lib/server/services/approvals/reevaluate-change-approval";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { AppError } from "@/lib/server/errors";
import { assertCan, canEditChange } from "@/lib/server/permissions";

export type LockedChange = ChangeBeforeUpdate & {
  version: number;
  kind: string;
  repository: string | null;
  externalUrl: string | null;
  abandonedAt: Date | null;
  createdAt: Date;
};

/**
 * Reads the change row-locked (so an approval cannot land between the read and the write),
 * checks the version the form was opened at and the actor's right to edit it.
 */
export async function lockChangeForEdit(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  changeId: number,
  version: number,
): Promise<LockedChange> {
  const rows = await tx.$queryRaw<LockedChange[]>`
    SELECT id, title, kind::text AS kind, repository, "externalUrl", version, "approvalState"::text AS "approvalState",
           "approverId", "shippedAt", "abandonedAt", "createdAt", "aiAssisted", "aiToolId",
           "aiInvolvement"::text AS "aiInvolvement", "authorId", "authorLevel"::text AS "authorLevel", "serviceId", "headSha"
      FROM "Change" WHERE id = ${changeId} FOR UPDATE`;
  const change = rows[0];
  if (!change) throw new AppError("NOT_FOUND", "This change does not exist (any more). Open it again from the list.");
  if (!canEditChange(actor, change.authorId)) {
    assertCan(actor, "change:read");
    throw new AppError(
      "FORBIDDEN",
      "Only the change's author, a manager or an admin can edit it. Ask the author to make the edit.",
    );
  }
  if (change.version !== version) {
    throw new AppError(
      "STALE",
      "Someone changed this change since you opened it, so your edit was not saved. Reload to see their change; what you typed is still in the form.",
    );
  }
  return change;
}
