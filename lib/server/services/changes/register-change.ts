import "server-only";
import { initialApprovalState, isApprovalRequired } from "@/lib/domain/approval-policy";
import type { RegisterChangeInput } from "@/lib/schemas/change";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { notifyApprovers } from "@/lib/server/services/notifications/notify";
import { queuePolicyViolationIfShipped } from "@/lib/server/services/webhooks/queue-domain-events";

/**
 * Registers a change by hand. The author is the person registering it; naming someone else
 * is for managers and admins only, and records who registered it for whom. The author's
 * level is recorded as it is now (promotions never rewrite history) and whether it needs
 * approval is decided now, from the policy in force.
 */
export async function registerChange(options: {
  actor: SessionUser;
  input: RegisterChangeInput;
  source?: string;
}): Promise<{ id: number }> {
  const { actor, input } = options;
  const authorId = input.authorId ?? actor.id;
  const onBehalf = authorId !== actor.id;
  assertCan(actor, onBehalf ? "change:register-for-others" : "change:register");
  const source = options.source ?? "manual";
  try {
    return await getDb().$transaction(async (tx) => {
      const author = await tx.user.findFirst({
        where: { id: authorId, active: true },
        select: { id: true, level: true },
      });
      if (!author)
        throw new AppError("VALIDATION", "Choose an active user as author.", {
          fieldErrors: { authorId: ["Choose an active user."] },
        });
      const service = await tx.service.findFirst({
        where: { id: input.serviceId, archivedAt: null },
        select: { id: true },
      });
      if (!service)
        throw new AppError("VALIDATION", "Choose a service from the list.", {
          fieldErrors: { serviceId: ["Choose a service from the list."] },
        });
      if (input.aiToolId !== null && !(await tx.aiTool.count({ where: { id: input.aiToolId, archivedAt: null } }))) {
        throw new AppError("VALIDATION", "Choose an AI tool from the list.", {
          fieldErrors: { aiToolId: ["Choose an AI tool from the list."] },
        });
      }
      const policy = await tx.approvalPolicy.findFirst({ orderBy: { id: "desc" } });
      if (!policy) throw new Error("No approval policy row: the migrations insert one; the database is incomplete.");

      const subject = { aiAssisted: input.aiAssisted, authorLevel: author.level, aiInvolvement: input.aiInvolvement };
      const approvalRequired = isApprovalRequired(subject, policy);
      const change = await tx.change.create({
        data: {
          source,
          externalId: input.externalId,
          externalUrl: input.externalUrl,
          kind: input.kind,
          title: input.title,
          serviceId: input.serviceId,
          repository: input.repository,
          authorId: author.id,
          authorLevel: author.level,
          registeredById: onBehalf ? actor.id : null,
          aiAssisted: input.aiAssisted,
          aiToolId: input.aiToolId,
          aiInvolvement: input.aiInvolvement,
          shippedAt: input.shippedAt,
          approvalRequired,
          approvalState: initialApprovalState(subject, policy),
          policyId: policy.id,
        },
        select: { id: true, approvalState: true },
      });
      if (approvalRequired) {
        await tx.approvalDecision.create({ data: { changeId: change.id, actorId: actor.id, decision: "REQUESTED" } });
        await notifyApprovers(tx, {
          approverLevels: policy.approverLevels,
          exceptUserId: author.id,
          notice: {
            kind: "approval.requested",
            title: `Approval needed: ${input.title}`,
            href: `/changes/${change.id}`,
          },
          changeIds: [change.id],
        });
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "change.registered",
        entityType: "Change",
        entityId: change.id,
        after: {
          ...input,
          authorId,
          registeredById: onBehalf ? actor.id : null,
          shippedAt: input.shippedAt?.toISOString() ?? null,
          source,
          authorLevel: author.level,
          approvalRequired,
          approvalState: change.approvalState,
          policyId: policy.id,
        },
      });
      if (input.shippedAt) await queuePolicyViolationIfShipped(tx, change.id);
      return { id: change.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        `A change with external id “${input.externalId}” is already registered from ${source}.`,
        {
          fieldErrors: { externalId: ["Already registered: open the existing change instead."] },
        },
      );
    }
    throw error;
  }
}
