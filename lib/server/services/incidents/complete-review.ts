import "server-only";
import { missingReviewParts } from "@/lib/domain/review";
import type { CompleteReviewInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { updateIncidentAtVersion } from "./incident-version";

export async function completeReview(options: { actor: SessionUser; input: CompleteReviewInput }): Promise<void> {
  assertCan(options.actor, "incident:review");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({
      where: { id: input.incidentId },
      select: {
        status: true,
        reviewStatus: true,
        reviewWhatHappened: true,
        reviewCustomerImpact: true,
        reviewRootCause: true,
        reviewFiveWhys: true,
        reviewLessons: true,
      },
    });
    if (!incident) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    if (incident.reviewStatus === "COMPLETE") throw new AppError("CONFLICT", "The review is already complete.");
    const missing = missingReviewParts({
      status: incident.status,
      whatHappened: incident.reviewWhatHappened,
      customerImpact: incident.reviewCustomerImpact,
      rootCause: incident.reviewRootCause,
      fiveWhys: incident.reviewFiveWhys,
      lessons: incident.reviewLessons,
    });
    if (Object.keys(missing).length > 0) {
      throw new AppError("VALIDATION", `The review cannot be completed yet: ${Object.values(missing).join(" ")}`, {
        fieldErrors: Object.fromEntries(Object.entries(missing).map(([field, message]) => [field, [message]])),
      });
    }
    const at = new Date();
    await updateIncidentAtVersion(tx, input.incidentId, input.version, {
      reviewStatus: "COMPLETE",
      reviewCompletedAt: at,
    });
    await tx.timelineEvent.create({
      data: {
        incidentId: input.incidentId,
        kind: "REVIEW_UPDATED",
        authorId: actor.id,
        occurredAt: at,
        body: "Post-incident review completed",
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.review_completed",
      entityType: "Incident",
      entityId: input.incidentId,
      before: { reviewStatus: incident.reviewStatus },
      after: { reviewStatus: "COMPLETE", reviewCompletedAt: at.toISOString() },
    });
  });
}
