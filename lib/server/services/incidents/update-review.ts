import "server-only";
import type { UpdateReviewInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { updateIncidentAtVersion } from "./incident-version";

/** Saves the post-incident review draft. A completed review goes back to "in progress" when edited. */
export async function updateReview(options: { actor: SessionUser; input: UpdateReviewInput }): Promise<void> {
  assertCan(options.actor, "incident:review");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id: input.incidentId },
      select: {
        reviewStatus: true,
        reviewWhatHappened: true,
        reviewCustomerImpact: true,
        reviewRootCause: true,
        reviewFiveWhys: true,
        reviewLessons: true,
        contributingFactors: { select: { factorId: true } },
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    const factors = await tx.contributingFactor.count({ where: { id: { in: input.factorIds } } });
    if (factors !== input.factorIds.length)
      throw new AppError(
        "VALIDATION",
        "One of the chosen contributing factors no longer exists. Reload and pick again.",
      );
    const fiveWhys = input.fiveWhys.map((why) => why.trim());
    while (fiveWhys.length && !fiveWhys.at(-1)) fiveWhys.pop();

    await updateIncidentAtVersion(tx, input.incidentId, input.version, {
      reviewStatus: "IN_PROGRESS",
      reviewCompletedAt: null,
      reviewWhatHappened: input.whatHappened,
      reviewCustomerImpact: input.customerImpact,
      reviewRootCause: input.rootCause,
      reviewFiveWhys: fiveWhys,
      reviewLessons: input.lessons,
    });
    await tx.incidentContributingFactor.deleteMany({ where: { incidentId: input.incidentId } });
    await tx.incidentContributingFactor.createMany({
      data: input.factorIds.map((factorId) => ({ incidentId: input.incidentId, factorId })),
    });
    if (before.reviewStatus !== "IN_PROGRESS") {
      await tx.timelineEvent.create({
        data: {
          incidentId: input.incidentId,
          kind: "REVIEW_UPDATED",
          authorId: actor.id,
          body: before.reviewStatus === "COMPLETE" ? "Review reopened for edits" : "Post-incident review started",
        },
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.review_updated",
      entityType: "Incident",
      entityId: input.incidentId,
      before: {
        reviewStatus: before.reviewStatus,
        whatHappened: before.reviewWhatHappened,
        customerImpact: before.reviewCustomerImpact,
        rootCause: before.reviewRootCause,
        fiveWhys: before.reviewFiveWhys,
        lessons: before.reviewLessons,
        factorIds: before.contributingFactors.map((f) => f.factorId),
      },
      after: { reviewStatus: "IN_PROGRESS", ...input, fiveWhys },
    });
  });
}
