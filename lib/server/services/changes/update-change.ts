import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateChangeInput } from "@/lib/schemas/change";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { policyInForce, reevaluateChangeApproval } from "@/lib/server/services/approvals/reevaluate-change-approval";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { lockChangeForEdit } from "./change-edit-access";

const EDITABLE = [
  "kind",
  "title",
  "serviceId",
  "repository",
  "externalUrl",
  "aiAssisted",
  "aiToolId",
  "aiInvolvement",
] as const;

/**
 * Corrects a registered change (title, kind, service, repository, link, AI assistance). A
 * material edit (service, AI facts) on an unshipped change has its approval decided again
 * from the policy in force, in the same transaction.
 */
export async function updateChange(options: {
  actor: SessionUser;
  input: UpdateChangeInput;
}): Promise<{ changed: string[] }> {
  return getDb().$transaction((tx) => updateChangeInTx(tx, options.actor, options.input));
}

export async function updateChangeInTx(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  input: UpdateChangeInput,
): Promise<{ changed: string[] }> {
  const before = await lockChangeForEdit(tx, actor, input.changeId, input.version);
  if (input.serviceId !== before.serviceId) {
    const service = await tx.service.count({ where: { id: input.serviceId, archivedAt: null } });
    if (!service)
      throw new AppError("VALIDATION", "Choose a service from the list.", {
        fieldErrors: { serviceId: ["Choose a service from the list."] },
      });
  }
  if (input.aiToolId !== null && input.aiToolId !== before.aiToolId) {
    const tool = await tx.aiTool.count({ where: { id: input.aiToolId, archivedAt: null } });
    if (!tool)
      throw new AppError("VALIDATION", "Choose an AI tool from the list.", {
        fieldErrors: { aiToolId: ["Choose an AI tool from the list."] },
      });
  }
  const changed = EDITABLE.filter((field) => (before[field as keyof typeof before] ?? null) !== (input[field] ?? null));
  if (changed.length === 0) return { changed: [] };
  await tx.change.update({
    where: { id: input.changeId },
    data: {
      kind: input.kind,
      title: input.title,
      serviceId: input.serviceId,
      repository: input.repository,
      externalUrl: input.externalUrl,
      aiAssisted: input.aiAssisted,
      aiToolId: input.aiToolId,
      aiInvolvement: input.aiInvolvement,
      version: { increment: 1 },
    },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "change.updated",
    entityType: "Change",
    entityId: input.changeId,
    before: Object.fromEntries(
      changed.map((field) => [field, before[field as keyof typeof before] as Prisma.InputJsonValue]),
    ),
    after: Object.fromEntries(changed.map((field) => [field, input[field] as Prisma.InputJsonValue])),
  });
  await reevaluateChangeApproval(tx, {
    before,
    after: {
      aiAssisted: input.aiAssisted,
      aiToolId: input.aiToolId,
      aiInvolvement: input.aiInvolvement,
      authorId: before.authorId,
      authorLevel: before.authorLevel,
      serviceId: input.serviceId,
      headSha: before.headSha,
    },
    policy: await policyInForce(tx),
    actor: { userId: actor.id },
  });
  return { changed };
}
