import "server-only";
import { importedLifecycle, lifecycleOrderErrors, type ImportedTimes } from "@/lib/domain/imported-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorUserId, auditActorOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { importedTimeline } from "./imported-timeline";
import { updateIncidentAtVersion } from "./incident-version";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

export type ImportedIncidentTimes = {
  detectedAt?: Date;
  mitigatedAt?: Date;
  resolvedAt?: Date;
  reviewCompletedAt?: Date;
};

export type ImportIncidentTimesInput = ImportedIncidentTimes & { incidentId: number; version: number };

/**
 * Sets an incident's lifecycle times from another tool's history (PATCH with the `import`
 * scope), under the optimistic lock. The times given, merged with the stored ones, must read
 * forward; the status follows from them and the imported timeline entries move with them.
 */
export async function importIncidentTimes(options: { actor: Actor; input: ImportIncidentTimesInput }): Promise<void> {
  await getDb().$transaction((tx) => importIncidentTimesInTx(tx, options.actor, options.input));
}

/** The same use case inside a caller's transaction (the API's PATCH composes it with status and severity). */
export async function importIncidentTimesInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: ImportIncidentTimesInput,
): Promise<void> {
  assertCan(actor, "incident:update");
  const stored = await tx.incident.findUnique({
    where: { id: input.incidentId },
    select: {
      impactStartedAt: true,
      detectedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      reviewCompletedAt: true,
      severity: true,
      source: true,
    },
  });
  if (!stored) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  const merged: ImportedTimes = {
    impactStartedAt: stored.impactStartedAt,
    detectedAt: input.detectedAt ?? stored.detectedAt,
    mitigatedAt: input.mitigatedAt ?? stored.mitigatedAt,
    resolvedAt: input.resolvedAt ?? stored.resolvedAt,
    reviewCompletedAt: input.reviewCompletedAt ?? stored.reviewCompletedAt,
  };
  const errors = lifecycleOrderErrors(merged);
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", "The incident's times would be out of order; nothing was saved.", {
      fieldErrors: errors,
    });
  const life = importedLifecycle(merged);
  const reviewCompletedAt = merged.reviewCompletedAt ?? null;
  await updateIncidentAtVersion(tx, input.incidentId, input.version, {
    ...life,
    reviewCompletedAt,
    ...(input.reviewCompletedAt ? { reviewStatus: "COMPLETE" as const } : {}),
  });
  await tx.timelineEvent.deleteMany({
    where: { incidentId: input.incidentId, data: { path: ["imported"], equals: true } },
  });
  const events = importedTimeline({
    source: stored.source ?? "import",
    personId: actorUserId(actor),
    severity: stored.severity,
    ...life,
    reviewCompletedAt,
  });
  await tx.incident.update({ where: { id: input.incidentId }, data: { timeline: { create: events } } });
  await refreshBlastRadiusLevel(tx, input.incidentId);
  const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.times_imported",
    entityType: "Incident",
    entityId: input.incidentId,
    before: {
      detectedAt: iso(stored.detectedAt),
      mitigatedAt: iso(stored.mitigatedAt),
      resolvedAt: iso(stored.resolvedAt),
      reviewCompletedAt: iso(stored.reviewCompletedAt),
    },
    after: {
      status: life.status,
      detectedAt: iso(life.detectedAt),
      mitigatedAt: iso(life.mitigatedAt),
      resolvedAt: iso(life.resolvedAt),
      reviewCompletedAt: iso(reviewCompletedAt),
    },
  });
}
